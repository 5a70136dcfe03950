package com.cardcoupons.registration.terms;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.registration.FieldPath;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static com.cardcoupons.registration.terms.Checks.absent;
import static com.cardcoupons.registration.terms.Checks.required;

/**
 * Terms as a merchant states them: the validity window in local date-times of the campaign's time zone, and exactly
 * the one of {@code discount}, {@code benefit} or {@code ticket} that {@code kind} names. With no usable merchants,
 * the campaign's own merchant is the one. With no budget, the campaign spends and is used without a limit beyond its
 * caps.
 */
public record TermsRequest(
        String title,
        String description,
        CouponKind kind,
        String currency,
        Discount discount,
        Benefit benefit,
        TicketRequest ticket,
        String timeZone,
        LocalDateTime validFrom,
        LocalDateTime validUntil,
        Integer couponValidityDays,
        List<UUID> usableMerchantIds,
        List<UUID> usableStoreIds,
        List<String> usableMccs,
        List<String> skus,
        List<String> productCategories,
        Money minSpend,
        List<MediumType> acceptedMedia,
        List<CardBrand> acceptedBrands,
        Integer totalCap,
        Integer perCardLimit,
        Integer usesPerCoupon,
        Stacking stacking,
        Budget budget) {

    public Terms toTerms(UUID owningMerchant) {
        ValidityWindow window = ValidityWindow.local(timeZone, validFrom, validUntil);
        List<UUID> merchants = usableMerchantIds == null || usableMerchantIds.isEmpty() ? List.of(owningMerchant) : usableMerchantIds;
        return new Terms(title, description, currency == null ? null : Money.currency(currency), offer(window.zone()),
                window, couponValidityDays,
                new Usability(merchants, usableStoreIds, usableMccs, skus, productCategories, minSpend),
                AcceptedMedia.of(acceptedMedia, acceptedBrands),
                Limits.of(totalCap, perCardLimit, usesPerCoupon),
                stacking, budget);
    }

    private Offer offer(ZoneId zone) {
        required(kind, "kind");
        return switch (kind) {
            case DISCOUNT -> {
                absent(benefit, "benefit", "the campaign is a DISCOUNT");
                absent(ticket, "ticket", "the campaign is a DISCOUNT");
                yield required(discount, "discount");
            }
            case BENEFIT -> {
                absent(discount, "discount", "the campaign is a BENEFIT");
                absent(ticket, "ticket", "the campaign is a BENEFIT");
                yield required(benefit, "benefit");
            }
            case TICKET -> {
                absent(discount, "discount", "the campaign is a TICKET");
                absent(benefit, "benefit", "the campaign is a TICKET");
                TicketRequest stated = required(ticket, "ticket");
                yield FieldPath.at("ticket", () -> stated.toTicket(zone));
            }
        };
    }

    /** A ticket's event, venue and local start time in the campaign's time zone. */
    public record TicketRequest(String event, String venue, LocalDateTime startsAt) {

        Ticket toTicket(ZoneId zone) {
            return new Ticket(event, venue, startsAt == null ? null : startsAt.atZone(zone).toInstant());
        }
    }
}
