package com.cardcoupons.console.campaign;

import com.cardcoupons.console.MoneyFormat;
import com.cardcoupons.console.gateway.ApiProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's terms as the merchant types them: percentages and amounts in major units, dates as local
 * date-times in the campaign's zone. It converts itself to the API's terms and back; what it cannot convert it
 * names by input, and the API's own refusals are mapped onto the same inputs.
 */
public record TermsForm(String shortCode, String title, String description, String kind, String discountType, String percent,
                 String amount, String cap, String benefitType, String benefitDescription, String currency, String timeZone,
                 String validFrom, String validUntil, String minSpend, List<String> acceptedMedia, String totalCap,
                 String perCardLimit, String stacking) {

    static final List<String> MEDIA = List.of("CREDIT", "DEBIT", "POINT", "MILEAGE");

    public TermsForm {
        // an input the browser did not send is empty, as an input left blank is
        shortCode = shortCode == null ? "" : shortCode;
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        kind = kind == null ? "" : kind;
        discountType = discountType == null ? "" : discountType;
        percent = percent == null ? "" : percent;
        amount = amount == null ? "" : amount;
        cap = cap == null ? "" : cap;
        benefitType = benefitType == null ? "" : benefitType;
        benefitDescription = benefitDescription == null ? "" : benefitDescription;
        currency = currency == null ? "" : currency;
        timeZone = timeZone == null ? "" : timeZone;
        validFrom = validFrom == null ? "" : validFrom;
        validUntil = validUntil == null ? "" : validUntil;
        minSpend = minSpend == null ? "" : minSpend;
        totalCap = totalCap == null ? "" : totalCap;
        perCardLimit = perCardLimit == null ? "" : perCardLimit;
        stacking = stacking == null ? "" : stacking;
        kind = kind.isEmpty() ? "DISCOUNT" : kind;
        discountType = discountType.isEmpty() ? "PERCENTAGE" : discountType;
        currency = currency.isEmpty() ? "JPY" : currency;
        acceptedMedia = acceptedMedia == null ? List.of() : List.copyOf(acceptedMedia);
    }

    static TermsForm blank(String today, String inAMonth) {
        return new TermsForm("", "", "", "DISCOUNT", "PERCENTAGE", "10", "", "", "FREE_ITEM", "", "JPY", "Asia/Tokyo",
                today, inAMonth, "", List.of("CREDIT", "DEBIT"), "", "1", "STACKABLE");
    }

    @SuppressWarnings("unchecked")
    static TermsForm of(Map<String, Object> terms) {
        Map<String, Object> discount = (Map<String, Object>) terms.get("discount");
        Map<String, Object> benefit = (Map<String, Object>) terms.get("benefit");
        String currency = text(terms.get("currency"), "JPY");
        return new TermsForm("", text(terms.get("title"), ""), text(terms.get("description"), ""), text(terms.get("kind"), "DISCOUNT"),
                discount == null ? "PERCENTAGE" : text(discount.get("type"), "PERCENTAGE"),
                discount == null || discount.get("basisPoints") == null ? ""
                        : new BigDecimal(discount.get("basisPoints").toString()).movePointLeft(2).stripTrailingZeros().toPlainString(),
                discount == null ? "" : major(discount.get("amount")), discount == null ? "" : major(discount.get("cap")),
                benefit == null ? "FREE_ITEM" : text(benefit.get("type"), "FREE_ITEM"),
                benefit == null ? "" : text(benefit.get("description"), ""), currency, text(terms.get("timeZone"), "Asia/Tokyo"),
                text(terms.get("validFrom"), ""), text(terms.get("validUntil"), ""), major(terms.get("minSpend")),
                terms.get("acceptedMedia") instanceof List<?> media ? media.stream().map(String::valueOf).toList() : List.of(),
                text(terms.get("totalCap"), ""), text(terms.get("perCardLimit"), "1"), text(terms.get("stacking"), "STACKABLE"));
    }

    /** The terms as the API takes them; a value that cannot be read is a mistake named by its input. */
    Map<String, Object> terms(List<ApiProblem.FieldError> mistakes) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", title.trim());
        if (!description.isBlank()) {
            terms.put("description", description.trim());
        }
        terms.put("kind", kind);
        terms.put("currency", currency);
        if (kind.equals("DISCOUNT")) {
            Map<String, Object> discount = new LinkedHashMap<>();
            discount.put("type", discountType);
            if (discountType.equals("PERCENTAGE")) {
                discount.put("basisPoints", number("percent", percent, 2, mistakes));
                if (!cap.isBlank()) {
                    discount.put("cap", money("cap", cap, mistakes));
                }
            } else {
                discount.put("amount", money("amount", amount, mistakes));
            }
            terms.put("discount", discount);
        } else {
            Map<String, Object> benefit = new LinkedHashMap<>();
            benefit.put("type", benefitType);
            benefit.put("description", benefitDescription.trim());
            terms.put("benefit", benefit);
        }
        terms.put("timeZone", timeZone.trim());
        terms.put("validFrom", validFrom);
        terms.put("validUntil", validUntil);
        if (!minSpend.isBlank()) {
            terms.put("minSpend", money("minSpend", minSpend, mistakes));
        }
        terms.put("acceptedMedia", acceptedMedia);
        if (!totalCap.isBlank()) {
            terms.put("totalCap", number("totalCap", totalCap, 0, mistakes));
        }
        terms.put("perCardLimit", number("perCardLimit", perCardLimit, 0, mistakes));
        terms.put("stacking", stacking);
        return terms;
    }

    /** The offer in words, as the slip prints it. */
    public String offer() {
        if (!kind.equals("DISCOUNT")) {
            return benefitDescription.isBlank() ? benefitType.replace('_', ' ').toLowerCase() : benefitDescription;
        }
        if (discountType.equals("PERCENTAGE")) {
            return (percent.isBlank() ? "?" : percent) + "% off" + (cap.isBlank() ? "" : ", up to " + currency + " " + cap);
        }
        return currency + " " + (amount.isBlank() ? "?" : amount) + " off";
    }

    /** The form's input an API field is about ({@code terms.discount.basisPoints} is the percentage). */
    static String inputOf(String field) {
        String path = field.replaceFirst("^terms\\.", "");
        if (path.startsWith("discount.basisPoints")) {
            return "percent";
        }
        if (path.startsWith("discount.amount")) {
            return "amount";
        }
        if (path.startsWith("discount.cap")) {
            return "cap";
        }
        if (path.startsWith("discount.type")) {
            return "discountType";
        }
        if (path.startsWith("benefit.description")) {
            return "benefitDescription";
        }
        if (path.startsWith("benefit")) {
            return "benefitType";
        }
        return path.split("[.\\[]", 2)[0];
    }

    private Map<String, Object> money(String input, String typed, List<ApiProblem.FieldError> mistakes) {
        Map<String, Object> money = new LinkedHashMap<>();
        try {
            money.put("amountMinor", MoneyFormat.minorUnits(typed, currency));
        } catch (RuntimeException notAnAmount) {
            mistakes.add(new ApiProblem.FieldError(input, "INVALID_AMOUNT", "an amount in " + currency + ", like 500"));
            money.put("amountMinor", 0);
        }
        money.put("currency", currency);
        return money;
    }

    private static long number(String input, String typed, int shift, List<ApiProblem.FieldError> mistakes) {
        try {
            return new BigDecimal(typed.trim()).movePointRight(shift).longValueExact();
        } catch (RuntimeException notANumber) {
            mistakes.add(new ApiProblem.FieldError(input, "INVALID_NUMBER",
                    shift == 0 ? "a whole number" : "a number with at most " + shift + " decimals"));
            return 0;
        }
    }

    private static String major(Object money) {
        if (!(money instanceof Map<?, ?> amount) || amount.get("amountMinor") == null) {
            return "";
        }
        java.util.Currency currency = java.util.Currency.getInstance(amount.get("currency").toString());
        return new BigDecimal(amount.get("amountMinor").toString()).movePointLeft(Math.max(0, currency.getDefaultFractionDigits()))
                .toPlainString();
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    static List<ApiProblem.FieldError> noMistakes() {
        return new ArrayList<>();
    }
}
