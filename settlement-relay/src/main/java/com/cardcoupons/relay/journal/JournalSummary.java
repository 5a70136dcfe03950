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
 * recorded) and is not reversed, or what a partial reversal left of it. A payment is balanced when nothing is left to
 * send and the outstanding amount is exactly what the card is to hold: what the terminal was told was charged, or what
 * a late coupon lowered it to.
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
                        entry.amount(), entry.stan(), entry.retrievalReference(), Answer.NONE_YET, null, null, Reversal.NONE,
                        entry.amount()));
            } else if (trail != null) {
                trails.put(entry.authorizationId(), trail.after(entry));
            }
        }
        Money outstanding = Money.zero(currency);
        for (AuthorizationTrail trail : trails.values()) {
            if (trail.mayHoldFunds()) {
                outstanding = outstanding.plus(trail.held());
            }
        }
        boolean balanced = toldCharged != null && pendingFollowUps == 0 && outstanding.equals(toldCharged);
        return new JournalSummary(new ArrayList<>(trails.values()), outstanding, pendingFollowUps, balanced);
    }

    /**
     * One authorization's story: its STAN and RRN at the settlement center, its answer, whether it has been reversed,
     * and what it holds ({@code held}: its amount, or what a partial reversal lowered it to).
     */
    public record AuthorizationTrail(UUID authorizationId, AuthorizationLeg leg, Money amount, String stan,
            String retrievalReference, Answer answer, String authorizationCode, String responseCode, Reversal reversal,
            Money held) {

        AuthorizationTrail after(JournalEntry entry) {
            return switch (entry.step()) {
                case AUTHORIZATION_APPROVED -> with(Answer.APPROVED, entry.authorizationCode(), entry.responseCode(), reversal, held);
                case AUTHORIZATION_DECLINED -> with(Answer.DECLINED, null, entry.responseCode(), reversal, held);
                case AUTHORIZATION_UNANSWERED -> with(Answer.UNANSWERED, null, null, reversal, held);
                case REVERSAL_QUEUED, REVERSAL_SENT, REVERSAL_FAILED -> reversal == Reversal.ACKNOWLEDGED ? this
                        : with(answer, authorizationCode, responseCode, Reversal.PENDING, held);
                // a partial reversal's entries carry the amount it leaves authorized
                case REVERSAL_ACKNOWLEDGED -> entry.amount() != null && !entry.amount().equals(amount)
                        ? with(answer, authorizationCode, responseCode, Reversal.PARTIAL, entry.amount())
                        : with(answer, authorizationCode, responseCode, Reversal.ACKNOWLEDGED, held);
                case REVERSAL_REFUSED -> with(answer, authorizationCode, responseCode, Reversal.REFUSED, held);
                default -> this;
            };
        }

        private AuthorizationTrail with(Answer newAnswer, String newCode, String newResponseCode, Reversal newReversal,
                Money newHeld) {
            return new AuthorizationTrail(authorizationId, leg, amount, stan, retrievalReference, newAnswer, newCode,
                    newResponseCode, newReversal, newHeld);
        }

        boolean mayHoldFunds() {
            return answer != Answer.DECLINED && reversal != Reversal.ACKNOWLEDGED;
        }
    }

    /** The settlement center's answer as the journal has it. */
    public enum Answer {
        NONE_YET, APPROVED, DECLINED, UNANSWERED
    }

    /** Where an authorization's reversal stands: PARTIAL once a partial reversal lowered it. */
    public enum Reversal {
        NONE, PENDING, ACKNOWLEDGED, PARTIAL, REFUSED
    }
}
