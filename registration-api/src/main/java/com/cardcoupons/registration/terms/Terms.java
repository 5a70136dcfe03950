package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.cardcoupons.registration.terms.Checks.optionalText;
import static com.cardcoupons.registration.terms.Checks.positive;
import static com.cardcoupons.registration.terms.Checks.required;
import static com.cardcoupons.registration.terms.Checks.text;

/**
 * The full terms of one campaign version. Every amount is in the one currency of the campaign, which a discount, or
 * any amount at all, requires. A budget, when set, limits what the campaign spends and how often it is used. A ticket is used once, and its event starts inside the validity window. Problems name
 * their field as it appears in the request's {@code terms}.
 */
public record Terms(String title, String description, Currency currency, Offer offer, ValidityWindow window,
                    Integer couponValidityDays, Usability usability, AcceptedMedia media, Limits limits,
                    Stacking stacking, Budget budget) {

    private static final int MAX_COUPON_VALIDITY_DAYS = 3_650;

    public Terms {
        title = text(title, "title", 120);
        description = optionalText(description, "description", 2000);
        required(offer, "kind");
        required(window, "validUntil");
        required(usability, "usableMerchantIds");
        required(media, "acceptedMedia");
        required(limits, "perCardLimit");
        required(stacking, "stacking");
        if (couponValidityDays != null) {
            positive(couponValidityDays, "couponValidityDays", MAX_COUPON_VALIDITY_DAYS);
        }
        if (budget != null && budget.totalDiscount() != null && offer.kind() != CouponKind.DISCOUNT) {
            throw DomainException.invalid("BUDGET_NEEDS_DISCOUNT", "budget.totalDiscount",
                    "a total discount budget belongs to a DISCOUNT campaign");
        }
        Map<String, Money> amounts = amounts(offer, usability, budget);
        if (currency == null && (offer.kind() == CouponKind.DISCOUNT || !amounts.isEmpty())) {
            throw DomainException.invalid("CURRENCY_REQUIRED", "currency", "a campaign with a discount or an amount needs its currency");
        }
        amounts.forEach((field, amount) -> {
            if (!amount.currency().equals(currency)) {
                throw DomainException.invalid("CURRENCY_MISMATCH", field + ".currency",
                        field + " must be in the campaign's currency " + currency.getCurrencyCode());
            }
        });
        if (offer instanceof Ticket ticket) {
            if (limits.usesPerCoupon() != 1) {
                throw DomainException.invalid("TICKET_USED_ONCE", "usesPerCoupon", "a ticket is used once");
            }
            if (!window.contains(ticket.startsAt())) {
                throw DomainException.invalid("TICKET_OUTSIDE_WINDOW", "ticket.startsAt",
                        "the event must start while the ticket is valid");
            }
        }
    }

    public CouponKind kind() {
        return offer.kind();
    }

    /** When a coupon acquired at {@code acquiredAt} under these terms expires. */
    public Instant couponExpiry(Instant acquiredAt) {
        return window.couponExpiry(acquiredAt, couponValidityDays);
    }

    private static Map<String, Money> amounts(Offer offer, Usability usability, Budget budget) {
        Map<String, Money> amounts = new LinkedHashMap<>();
        String section = offer.kind().name().toLowerCase(java.util.Locale.ROOT);
        offer.amounts().forEach((field, amount) -> amounts.put(section + "." + field, amount));
        if (usability.minSpend() != null) {
            amounts.put("minSpend", usability.minSpend());
        }
        if (budget != null && budget.totalDiscount() != null) {
            amounts.put("budget.totalDiscount", budget.totalDiscount());
        }
        return amounts;
    }
}
