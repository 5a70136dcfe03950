package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.cardcoupons.registration.terms.Checks.list;
import static com.cardcoupons.registration.terms.Checks.optionalText;
import static com.cardcoupons.registration.terms.Checks.positive;

/**
 * Where and on what a coupon is usable: the merchants (never empty), optionally narrowed to some of their stores and
 * to merchant category codes; optionally only for some SKUs or product categories; and above a minimum spend.
 * An empty list of stores, MCCs, SKUs or categories means no narrowing.
 */
public record Usability(List<UUID> merchantIds, List<UUID> storeIds, List<String> mccs, List<String> skus,
                        List<String> productCategories, Money minSpend) {

    private static final Pattern MCC = Pattern.compile("[0-9]{4}");

    public Usability {
        merchantIds = list(merchantIds, "usableMerchantIds", 100, (id, at) -> { });
        if (merchantIds.isEmpty()) {
            throw DomainException.invalid("FIELD_REQUIRED", "usableMerchantIds", "at least one usable merchant is required");
        }
        storeIds = list(storeIds, "usableStoreIds", 1000, (id, at) -> { });
        mccs = list(mccs, "usableMccs", 100, (mcc, at) -> {
            if (!MCC.matcher(mcc).matches()) {
                throw DomainException.invalid("INVALID_MCC", at, at + " must be a four-digit merchant category code");
            }
        });
        skus = list(skus, "skus", 1000, (sku, at) -> optionalText(sku, at, 64));
        productCategories = list(productCategories, "productCategories", 100, (category, at) -> optionalText(category, at, 64));
        positive(minSpend, "minSpend");
    }
}
