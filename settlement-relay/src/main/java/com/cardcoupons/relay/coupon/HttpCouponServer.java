package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.relay.OutboundHttp;
import com.cardcoupons.relay.card.PresentedCard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coupon-server over HTTP, each call signed with the terminal's identity as the gateway would sign it. The card
 * medium is written by the relay's own wire records, because {@code CardNumber} deliberately cannot be serialized.
 *
 * <p>Signed as the terminal, the relay's idempotency keys share the terminal's own key space at coupon-server. So
 * they are made of the payment's id under a prefix of their own, {@code relay:{paymentId}:reserve} (and
 * {@code :confirm}, {@code :release}): a terminal's keys never look like them, and one payment holds, confirms and
 * releases its coupons at most once each however often the relay repeats itself.
 */
@Component
class HttpCouponServer implements CouponServer, DisposableBean {

    private static final UUID WARM_UP = new UUID(0, 0);
    private static final String SEARCHES = "/api/v1/searches";
    private static final String RESERVATIONS = "/api/v1/reservations";
    private static final String RESERVATION_CONFIRM = RESERVATIONS + "/{reservationId}/confirm";
    private static final String RESERVATION_RELEASE = RESERVATIONS + "/{reservationId}/release";
    private static final String HEALTH = "/actuator/health/readiness";

    private final OutboundHttp searches;
    private final OutboundHttp reservations;
    private final IdentitySigner signer;
    private final JsonMapper json;

    HttpCouponServer(RestClient.Builder builder, JsonMapper jsonMapper, IdentitySigner signer, CouponServerProperties properties) {
        this.json = OutboundHttp.tolerant(jsonMapper);
        this.searches = OutboundHttp.connect(builder, json, properties.url(), properties.connectTimeout(),
                properties.searchReadTimeout());
        this.reservations = OutboundHttp.connect(builder, json, properties.url(), properties.connectTimeout(),
                properties.reservationTimeout());
        this.signer = signer;
    }

    @Override
    public CouponSearchResponse search(CallerIdentity terminal, PresentedCard card, IntendedUse intendedUse) {
        return call(searches, terminal, new ApiPath(SEARCHES), null, new WireSearch(WireMedium.of(card), intendedUse, false),
                CouponSearchResponse.class);
    }

    @Override
    public ReservationResponse reserve(CallerIdentity terminal, UUID paymentId, String transactionId,
            List<String> couponCodes, PresentedCard card, IntendedUse intendedUse) {
        return call(reservations, terminal, new ApiPath(RESERVATIONS), key(paymentId, "reserve"),
                new WireReservation(transactionId, couponCodes, WireMedium.of(card), intendedUse), ReservationResponse.class);
    }

    @Override
    public ReservationResponse confirm(CallerIdentity terminal, UUID paymentId, UUID reservationId) {
        return call(reservations, terminal, new ApiPath(RESERVATION_CONFIRM, reservationId), key(paymentId, "confirm"),
                null, ReservationResponse.class);
    }

    @Override
    public ReservationResponse release(CallerIdentity terminal, UUID paymentId, UUID reservationId) {
        return call(reservations, terminal, new ApiPath(RESERVATION_RELEASE, reservationId), key(paymentId, "release"),
                null, ReservationResponse.class);
    }

    /**
     * Readies both clients for the first payment: a few reads of coupon-server's health open their connections and
     * load the HTTP machinery on the way; a sample search and reservation, signed, written and read back in memory
     * only, build the JSON writers and readers of the two contracts in the mapper the clients use. Coupon-server down
     * or slow only ends it sooner.
     */
    void warmUp(int healthReads) {
        for (OutboundHttp client : List.of(searches, reservations)) {
            for (int i = 0; i < healthReads; i++) {
                try {
                    client.rest().get().uri(HEALTH).retrieve().toBodilessEntity();
                } catch (HttpStatusCodeException answered) {
                    // an answer all the same: the connection is open
                } catch (RestClientException unreachable) {
                    break;
                }
            }
        }
        signer.sign(CallerIdentity.terminal("relay:warm-up", WARM_UP, WARM_UP, WARM_UP), "POST", SEARCHES);
        Money one = Money.of(1, "JPY");
        WireMedium medium = new WireMedium(MediumType.CREDIT, "0".repeat(16));
        IntendedUse use = new IntendedUse(WARM_UP, WARM_UP, WARM_UP, one, List.of(new BasketLine("WARM-UP", "WARM-UP", 1, one)),
                Instant.EPOCH);
        json.writeValueAsBytes(new WireSearch(medium, use, false));
        json.writeValueAsBytes(new WireReservation("WARM-UP", List.of("WARMUP"), medium, use));
        json.readValue(json.writeValueAsBytes(new CouponSearchResponse(WARM_UP, List.of(new CouponSearchResponse.UsableCoupon(
                WARM_UP, "WARMUP", WARM_UP, "warm-up", CouponKind.DISCOUNT, Stacking.EXCLUSIVE,
                new CouponSearchResponse.Effect(one, one, "warm-up"), 1, Instant.EPOCH)),
                new CouponSearchResponse.Combination(List.of("WARMUP"), one, one), List.of())), CouponSearchResponse.class);
        json.readValue(json.writeValueAsBytes(new ReservationResponse(WARM_UP, "WARM-UP", ReservationState.RESERVED,
                List.of(new ReservationResponse.RedeemedCoupon(WARM_UP, "WARMUP", "warm-up", CouponKind.DISCOUNT, one, null,
                        ReservationState.RESERVED)), one, one, Instant.EPOCH)), ReservationResponse.class);
    }

    @Override
    public void destroy() {
        searches.close();
        reservations.close();
    }

    private static String key(UUID paymentId, String step) {
        return "relay:" + paymentId + ":" + step;
    }

    private <T> T call(OutboundHttp client, CallerIdentity terminal, ApiPath path, String idempotencyKey, Object body,
            Class<T> answer) {
        Map<String, String> identity = signer.sign(terminal, "POST", path.expanded());
        try {
            RestClient.RequestBodySpec request = client.rest().post().uri(path.template(), path.variables())
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
                throw new CouponServerUnavailable("coupon-server answered " + path.expanded() + " without a body", null);
            }
            return result;
        } catch (HttpClientErrorException refused) {
            throw new CouponServerRefusal(refused.getStatusCode().value(), problemCode(refused), refused);
        } catch (RestClientException e) {
            throw new CouponServerUnavailable("coupon-server did not answer " + path.expanded(), e);
        }
    }

    private String problemCode(HttpClientErrorException refused) {
        try {
            JsonNode problem = json.readTree(refused.getResponseBodyAsByteArray());
            return problem.path("code").isString() ? problem.path("code").asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * A path of coupon-server's API as a template and its variables: the client's metrics are tagged with the
     * template, so that every reservation does not become a tag value of its own; the signature covers the path sent.
     */
    record ApiPath(String template, Object... variables) {

        String expanded() {
            return UriComponentsBuilder.fromPath(template).buildAndExpand(variables).toUriString();
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
