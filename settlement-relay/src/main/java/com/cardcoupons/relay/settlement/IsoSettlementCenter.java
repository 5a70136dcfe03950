package com.cardcoupons.relay.settlement;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;

/**
 * The settlement center over ISO 8583: an authorization is an 0100 answered by an 0110, a reversal an 0400 (or an
 * 0420 advice, repeated as 0421) answered by an 0410 (0430). An answer counts only if it is the answer to that
 * message: its terminal, STAN and amount match, and its response code is one the relay knows. Anything else counts
 * as no answer, and what may have been authorized is reversed.
 */
@Component
class IsoSettlementCenter implements CardSettlementCenter {

    /** Response codes to a reversal that say "not now" rather than "never": the reversal is sent again. */
    private static final Set<String> TRY_AGAIN = Set.of("06", "68", "91", "92", "96");

    private final SettlementCenterLink link;
    private final SettlementCenterProperties properties;
    private final Clock clock;

    IsoSettlementCenter(SettlementCenterLink link, SettlementCenterProperties properties, Clock clock) {
        this.link = link;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean signedOn() {
        return link.signedOn();
    }

    @Override
    public AuthorizationAnswer authorize(AuthorizationMessage message) {
        ISOMsg answer;
        try {
            ISOMsg request = IsoMessages.authorization(message, properties.acquiringInstitution());
            answer = link.request(request, properties.authorizationTimeout());
        } catch (ISOException e) {
            throw new SettlementCenterNoAnswer("the 0100 for " + message.authorizationId() + " could not be built", e);
        } catch (SettlementCenterUnavailable down) {
            throw new SettlementCenterNoAnswer("the link went down before " + message.authorizationId() + " was sent", down);
        }
        if (answer == null) {
            throw new SettlementCenterNoAnswer("no 0110 for " + message.authorizationId() + " within "
                    + properties.authorizationTimeout().toMillis() + " ms", null);
        }
        if (!answers(answer, "0110", message.trace().terminal(), message.trace().stan()) || !IsoMessages.amount(message.amount()).equals(answer.getString(4))) {
            throw new SettlementCenterNoAnswer("an 0110 that does not answer " + message.authorizationId(), null);
        }
        return ResponseCodes.answer(answer.getString(39), answer.getString(38)).orElseThrow(() ->
                new SettlementCenterNoAnswer("an 0110 with response code " + answer.getString(39) + " for "
                        + message.authorizationId() + ", which the relay does not trust either way", null));
    }

    @Override
    public void reverse(ReversalMessage message) {
        ISOMsg answer;
        try {
            ISOMsg request = IsoMessages.reversal(message, properties.acquiringInstitution(), clock.instant());
            answer = link.request(request, properties.reversalTimeout());
        } catch (ISOException e) {
            throw new ReversalRefused("the " + message.type().messageType() + " for " + message.authorizationId()
                    + " could not be built: " + e.getMessage(), e);
        } catch (SettlementCenterUnavailable down) {
            throw new SettlementCenterNoAnswer("not signed on to the settlement center", down);
        }
        String expected = message.type() == ReversalMessage.Type.REVERSAL ? "0410" : "0430";
        if (answer == null) {
            throw new SettlementCenterNoAnswer("no " + expected + " for the reversal of " + message.authorizationId(), null);
        }
        if (!answers(answer, expected, message.original().terminal(), message.stan())) {
            throw new SettlementCenterNoAnswer("an answer that does not acknowledge the reversal of "
                    + message.authorizationId(), null);
        }
        String code = answer.getString(39);
        if ("00".equals(code)) {
            return;
        }
        if (TRY_AGAIN.contains(code)) {
            throw new SettlementCenterNoAnswer("the reversal of " + message.authorizationId() + " answered " + code, null);
        }
        throw new ReversalRefused("the settlement center refused the reversal of " + message.authorizationId()
                + " with response code " + code, null);
    }

    private static boolean answers(ISOMsg answer, String mti, String terminal, String stan) {
        try {
            return mti.equals(answer.getMTI()) && stan.equals(answer.getString(11)) && answer.hasField(41)
                    && terminal.strip().equals(answer.getString(41).strip()) && answer.hasField(39);
        } catch (ISOException e) {
            return false;
        }
    }
}
