package com.cardcoupons.registration.terms;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Valid terms built directly from the domain types, for tests that need terms but are about something else. */
public final class SampleTerms {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final UUID MERCHANT = UUID.fromString("a0000000-0000-4000-8000-000000000001");

    private SampleTerms() {
    }

    /** 10% off up to 500 yen, valid in the window given, on every medium, one per card. */
    public static Terms discount(Instant from, Instant until) {
        return new Terms("10% off", null, Money.currency("JPY"), new Discount(DiscountType.PERCENTAGE, 1000, null, Money.of(500, "JPY")),
                new ValidityWindow(TOKYO, from, until), null,
                new Usability(List.of(MERCHANT), List.of(), List.of(), List.of(), List.of(), null),
                new AcceptedMedia(Set.of(MediumType.values()), Set.of()),
                new Limits(100, 1, 1), Stacking.STACKABLE, null);
    }
}
