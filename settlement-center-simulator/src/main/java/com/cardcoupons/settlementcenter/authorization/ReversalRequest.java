package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;

/**
 * A reversal (0400) or reversal advice (0420, 0421) as the host read it: the original authorization's key from its
 * original data elements (field 90), the original amount (field 4), and, for a partial reversal, the amount that is
 * to stay authorized (field 95); null when the whole authorization is undone. It carries no card number.
 */
public record ReversalRequest(String originalKey, Amount amount, Long replacementMinor) {

    boolean partial() {
        return replacementMinor != null;
    }
}
