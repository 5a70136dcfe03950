package com.cardcoupons.gateway.credential;

import java.util.UUID;

/**
 * Whom a terminal or merchant key speaks for, as registration-api publishes it to the gateway (the views
 * {@code terminal_standing} and {@code merchant_standing}): a terminal with its merchant and store, or a merchant, and
 * whether keys may act for it. The owner of the rows decides what may act: an ACTIVE terminal of an ACTIVE merchant,
 * an ACTIVE merchant. Read only.
 */
record KeyHolder(UUID merchantId, UUID storeId, UUID terminalId, boolean active) {

    static KeyHolder terminal(UUID terminalId, UUID merchantId, UUID storeId, boolean active) {
        return new KeyHolder(merchantId, storeId, terminalId, active);
    }

    static KeyHolder merchant(UUID merchantId, boolean active) {
        return new KeyHolder(merchantId, null, null, active);
    }

    boolean isTerminal() {
        return terminalId != null;
    }
}
