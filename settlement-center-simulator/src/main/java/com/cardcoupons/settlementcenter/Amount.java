package com.cardcoupons.settlementcenter;

/** An amount in the minor unit of its currency, which is named by its ISO 4217 numeric code as field 49 carries it. */
public record Amount(long amountMinor, String currency) {

    @Override
    public String toString() {
        return amountMinor + " " + currency;
    }
}
