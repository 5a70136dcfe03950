package com.cardcoupons.settlementcenter.card;

import java.util.Map;

/** What the admin API shows of a card: its last four digits, limit, block and the funds held per currency. */
public record CardAccountView(String lastFour, long limitMinor, boolean blocked, Map<String, Long> heldMinor) {
}
