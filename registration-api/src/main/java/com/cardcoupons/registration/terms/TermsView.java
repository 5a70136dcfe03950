package com.cardcoupons.registration.terms;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Terms as answered: the shape of {@link TermsRequest}, with local times in the campaign's time zone and, next to
 * them, the instants they stand for.
 */
public record TermsView(
        String title,
        String description,
        CouponKind kind,
        Currency currency,
        Discount discount,
        Benefit benefit,
        TicketView ticket,
        String timeZone,
        LocalDateTime validFrom,
        LocalDateTime validUntil,
        Instant validFromInstant,
        Instant validUntilInstant,
        Integer couponValidityDays,
        List<UUID> usableMerchantIds,
        List<UUID> usableStoreIds,
        List<String> usableMccs,
        List<String> skus,
        List<String> productCategories,
        Money minSpend,
        Set<MediumType> acceptedMedia,
        Set<CardBrand> acceptedBrands,
        Integer totalCap,
        int perCardLimit,
        int usesPerCoupon,
        Stacking stacking,
        Budget budget) {

    public static TermsView of(Terms terms) {
        ValidityWindow window = terms.window();
        Usability usability = terms.usability();
        return new TermsView(terms.title(), terms.description(), terms.kind(), terms.currency(),
                terms.offer() instanceof Discount discount ? discount : null,
                terms.offer() instanceof Benefit benefit ? benefit : null,
                terms.offer() instanceof Ticket ticket
                        ? new TicketView(ticket.event(), ticket.venue(), window.local(ticket.startsAt()), ticket.startsAt())
                        : null,
                window.zone().getId(), window.localFrom(), window.localUntil(), window.from(), window.until(),
                terms.couponValidityDays(),
                usability.merchantIds(), usability.storeIds(), usability.mccs(), usability.skus(),
                usability.productCategories(), usability.minSpend(),
                terms.media().types(), terms.media().brands(),
                terms.limits().totalCap(), terms.limits().perCardLimit(), terms.limits().usesPerCoupon(),
                terms.stacking(), terms.budget());
    }

    /** A ticket's event, venue and start, locally and as an instant. */
    public record TicketView(String event, String venue, LocalDateTime startsAt, Instant startsAtInstant) {
    }
}
