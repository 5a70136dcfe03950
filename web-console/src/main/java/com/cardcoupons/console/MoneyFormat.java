package com.cardcoupons.console;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/** Shows the API's money ({@code {"amountMinor": 1200, "currency": "JPY"}}) as "JPY 1,200"; templates call it as {@code @money}. */
@Component("money")
public class MoneyFormat {

    public String format(Object money) {
        if (!(money instanceof Map<?, ?> amount) || amount.get("amountMinor") == null || amount.get("currency") == null) {
            return "–";
        }
        Currency currency = Currency.getInstance(amount.get("currency").toString());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal major = new BigDecimal(amount.get("amountMinor").toString()).movePointLeft(digits);
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return currency.getCurrencyCode() + " " + format.format(major);
    }

    /** Minor units from what a person types in major units ("1,200" or "12.50"), refusing more precision than the currency has. */
    public static long minorUnits(String typed, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal major = new BigDecimal(typed.replace(",", "").trim());
        return major.movePointRight(Math.max(0, currency.getDefaultFractionDigits())).longValueExact();
    }
}
