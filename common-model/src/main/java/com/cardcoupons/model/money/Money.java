package com.cardcoupons.model.money;

import com.cardcoupons.model.problem.DomainException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount in the minor unit of an ISO 4217 currency (cents for USD, yen for JPY).
 * Integer arithmetic only: money never passes through a floating point type. An amount read from a client is at
 * most {@link #maxAmountMinor(Currency)}.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    /** The largest amount in minor units an ISO 8583 amount field (twelve digits) can carry to a card network. */
    public static final long ISO_8583_MAX_MINOR = 999_999_999_999L;
    /** The largest amount a client may send, in major units of its currency: one hundred million. */
    public static final long MAX_MAJOR_UNITS = 100_000_000L;

    public Money {
        if (currency == null) {
            throw DomainException.invalid("CURRENCY_REQUIRED", "currency", "currency is required");
        }
        if (amountMinor < 0) {
            throw DomainException.invalid("NEGATIVE_AMOUNT", "amountMinor", "amount must not be negative");
        }
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, currency(currencyCode));
    }

    /**
     * Reads the wire form {@code {"amountMinor": 1200, "currency": "JPY"}}, naming the field that is wrong, and
     * refuses an amount above {@link #maxAmountMinor(Currency)} before anything is written or sent.
     */
    @JsonCreator
    static Money fromWire(@JsonProperty("amountMinor") Long amountMinor, @JsonProperty("currency") String currencyCode) {
        if (amountMinor == null) {
            throw DomainException.invalid("AMOUNT_REQUIRED", "amountMinor", "amountMinor is required");
        }
        Money money = new Money(amountMinor, currency(currencyCode));
        long max = maxAmountMinor(money.currency);
        if (amountMinor > max) {
            throw DomainException.invalid("AMOUNT_TOO_LARGE", "amountMinor",
                    "an amount in " + money.currency.getCurrencyCode() + " is at most " + max + " minor units");
        }
        return money;
    }

    /**
     * The largest amount a client may send in {@code currency}, in minor units: {@link #MAX_MAJOR_UNITS} of its major
     * unit (JPY 100,000,000; USD 100,000,000.00), and never more than {@link #ISO_8583_MAX_MINOR}.
     */
    public static long maxAmountMinor(Currency currency) {
        long max = MAX_MAJOR_UNITS;
        for (int digit = 0; digit < currency.getDefaultFractionDigits() && max <= ISO_8583_MAX_MINOR; digit++) {
            max *= 10;
        }
        return Math.min(max, ISO_8583_MAX_MINOR);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Parses an ISO 4217 code, rejecting unknown ones with a stable code. */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("CURRENCY_REQUIRED", "currency", "currency is required");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("UNKNOWN_CURRENCY", "currency", "'" + sanitize(code) + "' is not an ISO 4217 currency code");
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** Subtracts, refusing to go below zero: a discount can never exceed what it discounts. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        if (other.amountMinor > amountMinor) {
            throw new IllegalArgumentException("cannot subtract " + other + " from " + this);
        }
        return new Money(amountMinor - other.amountMinor, currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    /** The smaller of the two amounts. */
    public Money min(Money other) {
        requireSameCurrency(other);
        return other.amountMinor < amountMinor ? other : this;
    }

    /** A share in basis points (1/100 of a percent), rounded down so a discount never exceeds its rate. */
    public Money basisPoints(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points out of range: " + basisPoints);
        }
        return new Money(Math.multiplyExact(amountMinor, basisPoints) / 10_000, currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return amountMinor >= other.amountMinor;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency.getCurrencyCode() + " (minor units)";
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw DomainException.invalid("CURRENCY_MISMATCH", "currency",
                    "expected " + currency.getCurrencyCode() + " but got " + other.currency.getCurrencyCode());
        }
    }

    private static String sanitize(String code) {
        return code.length() > 8 ? code.substring(0, 8) + "…" : code.replaceAll("[^A-Za-z0-9]", "?");
    }
}
