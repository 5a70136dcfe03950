package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;

import java.time.YearMonth;

/**
 * An authorization as the host read it off an 0100. {@code key} identifies it the way ISO 8583 reversals name it
 * (acquiring institution, terminal, STAN and transmission date and time): a repeat of it is answered as the first
 * was, and a reversal carrying the same original data elements undoes it, even if its answer never got back.
 */
public record AuthorizationRequest(String key, String terminalId, String stan, String retrievalReference,
        String cardNumber, YearMonth expiry, Amount amount) {

    @Override
    public String toString() {
        return "AuthorizationRequest[" + key + ", ****, " + amount + "]";
    }
}
