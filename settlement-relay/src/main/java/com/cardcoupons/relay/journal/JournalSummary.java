package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a payment's journal adds up to on the card: each authorization with its answer and reversal, and the amount
 * still outstanding: every authorization that holds funds or may (approved, unanswered, or sent without an answer
 * recorded) and is not reversed. A payment is balanced when nothing is left to send and the outstanding amount is
 * exactly what the terminal was told was charged.
 */
public record JournalSummary(List<AuthorizationTrail> authorizations, Money outstanding, long pendingFollowUps,
        boolean balanced) {

    public static JournalSummary of(List<JournalEntry> entries, Currency currency, Money toldCharged, long pendingFollowUps) {
        Map<UUID, AuthorizationTrail> trails = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            if (entry.authorizationId() == null) {
                continue;
            }
            AuthorizationTrail trail = trails.get(entry.authorizationId());
            if (entry.step() == JournalStep.AUTHORIZATION_SENT) {
                trails.put(entry.authorizationId(), new AuthorizationTrail(entry.authorizationId(), entry.leg(),
                        entry.amount(), entry.stan(), entry.retrievalReference(), Answer.NONE_YET, null, null, Reversal.NONE));
            } else if (trail != null) {
                trails.put(entry.authorizationId(), trail.after(entry));
            }
        }
        Money outstanding = Money.zero(currency);
        for (AuthorizationTrail trail : trails.values()) {
            if (trail.mayHoldFunds()) {
                outstanding = outstanding.plus(trail.amount());
            }
        }
        boolean balanced = toldCharged != null && pendingFollowUps == 0 && outstanding.equals(toldCharged);
        return new JournalSummary(new ArrayList<>(trails.values()), outstanding, pendingFollowUps, balanced);
    }

    /** One authorization's story: its STAN and RRN at the settlement center, its answer, and whether it has been reversed. */
    public record AuthorizationTrail(UUID authorizationId, AuthorizationLeg leg, Money amount, String stan,
            String retrievalReference, Answer answer, String authorizationCode, String responseCode, Reversal reversal) {

        AuthorizationTrail after(JournalEntry entry) {
            return switch (entry.step()) {
                case AUTHORIZATION_APPROVED -> new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, Answer.APPROVED,
                        entry.authorizationCode(), entry.responseCode(), reversal);
                case AUTHORIZATION_DECLINED -> new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, Answer.DECLINED,
                        null, entry.responseCode(), reversal);
                case AUTHORIZATION_UNANSWERED -> new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, Answer.UNANSWERED,
                        null, null, reversal);
                case REVERSAL_QUEUED, REVERSAL_SENT, REVERSAL_FAILED -> reversal == Reversal.ACKNOWLEDGED ? this
                        : new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, answer, authorizationCode, responseCode, Reversal.PENDING);
                case REVERSAL_ACKNOWLEDGED -> new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, answer,
                        authorizationCode, responseCode, Reversal.ACKNOWLEDGED);
                case REVERSAL_REFUSED -> new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, answer,
                        authorizationCode, responseCode, Reversal.REFUSED);
                default -> this;
            };
        }

        boolean mayHoldFunds() {
            return answer != Answer.DECLINED && reversal != Reversal.ACKNOWLEDGED;
        }
    }

    /** The settlement center's answer as the journal has it. */
    public enum Answer {
        NONE_YET, APPROVED, DECLINED, UNANSWERED
    }

    /** Where an authorization's reversal stands. */
    public enum Reversal {
        NONE, PENDING, ACKNOWLEDGED, REFUSED
    }
}
