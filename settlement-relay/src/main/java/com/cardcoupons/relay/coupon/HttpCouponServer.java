package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.relay.OutboundHttp;
import com.cardcoupons.relay.card.PresentedCard;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coupon-server over HTTP, each call signed with the terminal's identity as the gateway would sign it. The card
 * medium is written by the relay's own wire records, because {@code CardNumber} deliberately cannot be serialized.
 */
@Component
class HttpCouponServer implements CouponServer {

    private static final String SEARCHES = "/api/v1/searches";
    private static final String RESERVATIONS = "/api/v1/reservations";

    private final RestClient searches;
    private final RestClient reservations;
    private final IdentitySigner signer;
    private final JsonMapper jsonMapper;

    HttpCouponServer(RestClient.Builder builder, JsonMapper jsonMapper, IdentitySigner signer, CouponServerProperties properties) {
        this.searches = OutboundHttp.client(builder, jsonMapper, properties.url(), properties.connectTimeout(),
                properties.searchReadTimeout());
        this.reservations = OutboundHttp.client(builder, jsonMapper, properties.url(), properties.connectTimeout(),
                properties.reservationTimeout());
        this.signer = signer;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public CouponSearchResponse search(CallerIdentity terminal, PresentedCard card, IntendedUse intendedUse) {
        return call(searches, terminal, SEARCHES, null, new WireSearch(WireMedium.of(card), intendedUse, false),
                CouponSearchResponse.class);
    }

    @Override
    public ReservationResponse reserve(CallerIdentity terminal, String idempotencyKey, String transactionId,
            List<String> couponCodes, PresentedCard card, IntendedUse intendedUse) {
        return call(reservations, terminal, RESERVATIONS, idempotencyKey,
                new WireReservation(transactionId, couponCodes, WireMedium.of(card), intendedUse), ReservationResponse.class);
    }

    @Override
    public ReservationResponse confirm(CallerIdentity terminal, String idempotencyKey, UUID reservationId) {
        return call(reservations, terminal, RESERVATIONS + "/" + reservationId + "/confirm", idempotencyKey, null,
                ReservationResponse.class);
    }

    @Override
    public ReservationResponse release(CallerIdentity terminal, String idempotencyKey, UUID reservationId) {
        return call(reservations, terminal, RESERVATIONS + "/" + reservationId + "/release", idempotencyKey, null,
                ReservationResponse.class);
    }

    private <T> T call(RestClient client, CallerIdentity terminal, String path, String idempotencyKey, Object body,
            Class<T> answer) {
        Map<String, String> identity = signer.sign(terminal, "POST", path);
        try {
            RestClient.RequestBodySpec request = client.post().uri(path)
                    .headers(headers -> {
                        identity.forEach(headers::set);
                        if (idempotencyKey != null) {
                            headers.set("Idempotency-Key", idempotencyKey);
                        }
                    });
            if (body != null) {
                request.body(body);
            }
            T result = request.retrieve().body(answer);
            if (result == null) {
                throw new CouponServerUnavailable("coupon-server answered " + path + " without a body", null);
            }
            return result;
        } catch (HttpClientErrorException refused) {
            throw new CouponServerRefusal(refused.getStatusCode().value(), problemCode(refused), refused);
        } catch (RestClientException e) {
            throw new CouponServerUnavailable("coupon-server did not answer " + path, e);
        }
    }

    private String problemCode(HttpClientErrorException refused) {
        try {
            JsonNode problem = jsonMapper.readTree(refused.getResponseBodyAsByteArray());
            return problem.path("code").isString() ? problem.path("code").asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The usage medium as coupon-server's contract reads it: {@code {"type":"CREDIT","cardNumber":"..."}}. */
    record WireMedium(MediumType type, String cardNumber) {

        static WireMedium of(PresentedCard card) {
            return new WireMedium(card.type(), card.number().digitsForTheWire());
        }

        @Override
        public String toString() {
            return "WireMedium[" + type + " ****]";
        }
    }

    /** {@code CouponSearchRequest} on the wire. */
    record WireSearch(WireMedium medium, IntendedUse intendedUse, boolean explain) {
    }

    /** {@code ReservationRequest} on the wire. */
    record WireReservation(String transactionId, List<String> couponCodes, WireMedium medium, IntendedUse intendedUse) {
    }
}
