package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.OutboundHttp;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

import java.time.YearMonth;

/**
 * The settlement center over the simulator's acquirer protocol (JSON over HTTP). Authorizations and reversals have
 * their own read timeouts: an authorization the terminal is waiting for gives up sooner than a reversal in the outbox.
 */
@Component
class HttpCardSettlementCenter implements CardSettlementCenter, DisposableBean {

    private final OutboundHttp authorizations;
    private final OutboundHttp reversals;

    HttpCardSettlementCenter(RestClient.Builder builder, JsonMapper jsonMapper, SettlementCenterProperties properties) {
        JsonMapper json = OutboundHttp.tolerant(jsonMapper);
        this.authorizations = OutboundHttp.connect(builder, json, properties.url(), properties.connectTimeout(),
                properties.authorizationTimeout());
        this.reversals = OutboundHttp.connect(builder, json, properties.url(), properties.connectTimeout(),
                properties.reversalTimeout());
    }

    @Override
    public AuthorizationAnswer authorize(AuthorizationMessage message) {
        WireAnswer answer;
        try {
            answer = authorizations.rest().post().uri("/acquirer/v1/authorizations")
                    .body(WireAuthorization.of(message))
                    .retrieve()
                    .body(WireAnswer.class);
        } catch (RestClientException e) {
            throw new SettlementCenterNoAnswer("no answer to authorization " + message.authorizationId(), e);
        }
        if (answer == null || answer.result() == null || !message.authorizationId().toString().equals(answer.authorizationId())) {
            throw new SettlementCenterNoAnswer("an unusable answer to authorization " + message.authorizationId(), null);
        }
        if (answer.result() == WireAnswer.Result.APPROVED) {
            if (answer.authorizationCode() == null || answer.authorizationCode().isBlank()) {
                throw new SettlementCenterNoAnswer("an approval without a code for " + message.authorizationId(), null);
            }
            return new AuthorizationAnswer.Approved(answer.authorizationCode());
        }
        return new AuthorizationAnswer.Declined(answer.responseCode(), answer.reason());
    }

    @Override
    public void reverse(ReversalMessage message) {
        try {
            reversals.rest().post().uri("/acquirer/v1/reversals")
                    .body(new WireReversal(message.authorizationId().toString(), message.amount()))
                    .retrieve()
                    .toBodilessEntity();
        } catch (HttpClientErrorException e) {
            throw new ReversalRefused("the settlement center refused the reversal of " + message.authorizationId()
                    + " with " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new SettlementCenterNoAnswer("no acknowledgement of the reversal of " + message.authorizationId(), e);
        }
    }

    @Override
    public void destroy() {
        authorizations.close();
        reversals.close();
    }

    /** The acquirer protocol's authorization message; the card number travels only here. */
    record WireAuthorization(String authorizationId, Acceptor acceptor, Card card, Money amount) {

        static WireAuthorization of(AuthorizationMessage message) {
            return new WireAuthorization(message.authorizationId().toString(),
                    new Acceptor(message.merchantId().toString(), message.terminalId().toString()),
                    new Card(message.card().number().digitsForTheWire(), message.card().expiry()),
                    message.amount());
        }

        record Acceptor(String merchantId, String terminalId) {
        }

        record Card(String number, YearMonth expiry) {

            @Override
            public String toString() {
                return "Card[****]";
            }
        }
    }

    record WireAnswer(String authorizationId, Result result, String authorizationCode, String responseCode, String reason) {

        enum Result {
            APPROVED, DECLINED
        }
    }

    record WireReversal(String authorizationId, Money amount) {
    }
}
