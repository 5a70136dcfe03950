package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Map;

import static com.cardcoupons.registration.terms.Checks.required;
import static com.cardcoupons.registration.terms.Checks.text;

/** An admission or event ticket: the event, its venue and when it starts. A ticket is used once. */
@Embeddable
public record Ticket(String event, String venue, Instant startsAt) implements Offer {

    public Ticket {
        event = text(event, "event", 200);
        venue = text(venue, "venue", 200);
        required(startsAt, "startsAt");
    }

    @Override
    public CouponKind kind() {
        return CouponKind.TICKET;
    }

    @Override
    public Map<String, Money> amounts() {
        return Map.of();
    }
}
