package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of one payment. Authorization steps name the authorization, its leg and amount; reversal steps the
 * authorization they undo; coupon steps the reservation and coupon codes. {@code sequence} and {@code occurredAt}
 * are the journal's, set when the entry is written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JournalEntry(
        long sequence,
        Instant occurredAt,
        UUID paymentId,
        JournalStep step,
        UUID authorizationId,
        AuthorizationLeg leg,
        Money amount,
        String authorizationCode,
        String responseCode,
        UUID reservationId,
        List<String> couponCodes,
        String detail) {

    public JournalEntry {
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
        detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }

    public static JournalEntry payment(UUID paymentId, JournalStep step, Money amount, String detail) {
        return new JournalEntry(0, null, paymentId, step, null, null, amount, null, null, null, List.of(), detail);
    }

    public static JournalEntry authorization(UUID paymentId, JournalStep step, UUID authorizationId, AuthorizationLeg leg,
            Money amount, String authorizationCode, String responseCode, String detail) {
        return new JournalEntry(0, null, paymentId, step, authorizationId, leg, amount, authorizationCode, responseCode,
                null, List.of(), detail);
    }

    public static JournalEntry reversal(UUID paymentId, JournalStep step, UUID authorizationId, AuthorizationLeg leg,
            Money amount, String detail) {
        return new JournalEntry(0, null, paymentId, step, authorizationId, leg, amount, null, null, null, List.of(), detail);
    }

    public static JournalEntry coupons(UUID paymentId, JournalStep step, UUID reservationId, List<String> couponCodes,
            Money discount, String detail) {
        return new JournalEntry(0, null, paymentId, step, null, null, discount, null, null, reservationId, couponCodes, detail);
    }
}
