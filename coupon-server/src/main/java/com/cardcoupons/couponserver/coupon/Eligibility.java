package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.BudgetLimit;
import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The rules that decide whether a coupon can be used for a purchase (claims 1 and 11). Every rule is checked, so a
 * coupon that fails several gets every reason; a coupon with no refusal is usable.
 */
public final class Eligibility {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Eligibility() {
    }

    public static List<Refusal> refusals(Coupon coupon, Purchase purchase) {
        CouponTerms terms = coupon.terms();
        List<Refusal> refusals = new ArrayList<>();
        campaignState(terms, refusals);
        if (coupon.cancelled()) {
            refusals.add(new Refusal("COUPON_CANCELLED", "coupon was cancelled"));
        }
        Instant at = purchase.at();
        if (!at.isBefore(coupon.expiresAt())) {
            refusals.add(new Refusal("COUPON_EXPIRED", "coupon expired " + when(coupon.expiresAt(), terms.timeZone())));
        }
        if (at.isBefore(terms.validFrom())) {
            refusals.add(new Refusal("NOT_YET_VALID", "campaign starts " + when(terms.validFrom(), terms.timeZone())));
        }
        if (!at.isBefore(terms.validUntil())) {
            refusals.add(new Refusal("CAMPAIGN_WINDOW_CLOSED", "campaign closed " + when(terms.validUntil(), terms.timeZone())));
        }
        place(terms, purchase, refusals);
        medium(coupon, purchase, refusals);
        spend(terms, purchase, refusals);
        budget(coupon, purchase, refusals);
        if (coupon.usesLeft() == 0) {
            refusals.add(new Refusal(Refusal.NO_USES_LEFT, "no uses left: all " + coupon.usesAllowed() + " are used or reserved"));
        }
        return refusals;
    }

    /**
     * A budget whose limit is reached, or whose money left is less than this purchase's discount, refuses the coupon:
     * a use is never capped to what remains. Judged on the standing the search read; the use's own statement decides
     * again, atomically.
     */
    private static void budget(Coupon coupon, Purchase purchase, List<Refusal> refusals) {
        BudgetStanding standing = coupon.budgetStanding();
        if (standing == null) {
            return;
        }
        long discount = refusals.isEmpty() && coupon.terms().kind() == CouponKind.DISCOUNT
                ? CouponEffect.of(coupon, purchase).discount().amountMinor() : 0;
        for (BudgetLimit limit : standing.reached(discount)) {
            String detail = limit.isMoney() && coupon.terms().currency() != null
                    ? limit.reason() + ": " + Amounts.display(new Money(standing.remaining(limit), coupon.terms().currency()))
                      + " left, this purchase's discount is " + Amounts.display(new Money(discount, coupon.terms().currency()))
                    : limit.reason() + ": all " + standing.budget().limit(limit) + " uses of this "
                      + limit.period().name().toLowerCase(Locale.ROOT) + " are taken";
            refusals.add(new Refusal(limit.code(), detail));
        }
    }

    private static void campaignState(CouponTerms terms, List<Refusal> refusals) {
        switch (terms.campaignState()) {
            case APPROVED -> { }
            case SUSPENDED -> refusals.add(new Refusal("CAMPAIGN_SUSPENDED", "campaign is suspended"));
            case ENDED -> refusals.add(new Refusal("CAMPAIGN_ENDED", "campaign has ended"));
            default -> refusals.add(new Refusal("CAMPAIGN_NOT_APPROVED", "campaign is not approved"));
        }
    }

    private static void place(CouponTerms terms, Purchase purchase, List<Refusal> refusals) {
        Store store = purchase.store();
        if (!terms.usableAtMerchant(store.merchantId())) {
            refusals.add(new Refusal(Refusal.NOT_VALID_AT_MERCHANT, "not valid at this merchant"));
        }
        if (!terms.usableStores().isEmpty() && !terms.usableStores().contains(store.id())) {
            refusals.add(new Refusal("NOT_VALID_AT_STORE", "not valid at this store"));
        }
        if (!terms.usableMccs().isEmpty() && !terms.usableMccs().contains(store.mcc())) {
            refusals.add(new Refusal("MCC_NOT_ACCEPTED", "not valid at merchant category " + store.mcc()
                    + "; valid at " + String.join(", ", new TreeSet<>(terms.usableMccs()))));
        }
    }

    private static void medium(Coupon coupon, Purchase purchase, List<Refusal> refusals) {
        CouponTerms terms = coupon.terms();
        MediumType type = purchase.mediumTypeFor(coupon);
        if (!terms.acceptedMedia().contains(type)) {
            refusals.add(new Refusal("MEDIUM_TYPE_NOT_ACCEPTED", "not valid with a " + type + " card; valid with "
                    + String.join(", ", new TreeSet<>(terms.acceptedMedia().stream().map(Enum::name).toList()))));
        }
        String brand = purchase.cardBrandFor(coupon);
        if (!terms.acceptedBrands().isEmpty() && (brand == null || !terms.acceptedBrands().contains(brand))) {
            refusals.add(new Refusal("CARD_BRAND_NOT_ACCEPTED", "not valid with " + (brand == null ? "this card" : "a " + brand + " card")
                    + "; valid with " + String.join(", ", new TreeSet<>(terms.acceptedBrands()))));
        }
    }

    private static void spend(CouponTerms terms, Purchase purchase, List<Refusal> refusals) {
        if (terms.currency() != null && !terms.currency().equals(purchase.amount().currency())) {
            refusals.add(new Refusal("CURRENCY_NOT_ACCEPTED", "valid for purchases in "
                    + terms.currency().getCurrencyCode() + " only"));
            return;
        }
        if (!purchase.hasQualifyingItem(terms)) {
            refusals.add(new Refusal("NO_QUALIFYING_ITEM", "no item in the basket qualifies" + itemsNamed(terms)));
            return;
        }
        Money minimum = terms.minSpend();
        if (minimum != null) {
            Money spend = purchase.qualifyingSpend(terms);
            if (!spend.isAtLeast(minimum)) {
                refusals.add(new Refusal("MINIMUM_SPEND_NOT_MET", "minimum spend " + Amounts.display(minimum) + " not met"
                        + (terms.restrictsItems() ? " by the qualifying items (" + Amounts.display(spend) + ")" : "")));
            }
        }
    }

    private static String itemsNamed(CouponTerms terms) {
        List<String> parts = new ArrayList<>();
        if (!terms.skus().isEmpty()) {
            parts.add("SKUs " + String.join(", ", new TreeSet<>(terms.skus())));
        }
        if (!terms.categories().isEmpty()) {
            parts.add("categories " + String.join(", ", new TreeSet<>(terms.categories())));
        }
        return " (" + String.join("; ", parts) + ")";
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
