package com.cardcoupons.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The benchmark's world, derived from numbers alone so the seeder and the load agree without sharing state: 10
 * merchants with 10 stores of 2 terminals each, campaigns spread over the merchants with varied terms, and coupons
 * spread over cards and campaigns. Every campaign is usable at its merchant's first store by a purchase of 5,000 JPY
 * with fresh food in the basket, so each of merchant 0's coupons can be redeemed at the bench terminal.
 */
final class Dataset {

    static final int MERCHANTS = 10;

    /**
     * Statistics for the seeded tables only. Analyzing the tables the load fills (reservations, payments, the journal)
     * while they are still empty would record them as empty, and the plans PostgreSQL then caches per connection (the
     * foreign-key checks' among them) would scan them in full as they grow, until autovacuum analyzes them again: an
     * artefact of a benchmark that starts from empty tables, not what a service running on its data sees.
     */
    static final String ANALYZE_SEEDED = "analyze merchant, store, terminal, campaign, campaign_version, coupon, coupon_by_code";
    static final int STORES_PER_MERCHANT = 10;
    static final int TERMINALS_PER_STORE = 2;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final int campaigns;
    private final int cards;

    Dataset(int campaigns, int cards) {
        this.campaigns = campaigns;
        this.cards = cards;
    }

    static UUID merchantId(int merchant) {
        return id("merchant-" + merchant);
    }

    static UUID storeId(int merchant, int store) {
        return id("store-" + merchant + "-" + store);
    }

    static UUID terminalId(int merchant, int store, int terminal) {
        return id("terminal-" + merchant + "-" + store + "-" + terminal);
    }

    static UUID campaignId(int campaign) {
        return id("campaign-" + campaign);
    }

    static UUID versionId(int campaign) {
        return id("campaign-version-" + campaign);
    }

    static int merchantOf(int campaign) {
        return campaign % MERCHANTS;
    }

    /** Coupon {@code i} belongs to card {@code i mod cards}, so every card carries about the same number. */
    int cardOf(int coupon) {
        return coupon % cards;
    }

    /** Coupons of one card fall in different campaigns, scattered over all merchants. */
    int campaignOf(int coupon) {
        return (int) (((long) coupon * 7919 + coupon / cards) % campaigns);
    }

    static UUID couponId(int coupon) {
        return new UUID(0xb0000000_0000_4000L, 0x8000_0000_0000_0000L | coupon);
    }

    /** Sixteen characters of the coupon-code alphabet. */
    static String code(int coupon) {
        char[] code = new char[16];
        long value = coupon;
        for (int i = 15; i >= 0; i--) {
            code[i] = CODE_ALPHABET.charAt((int) (value % 32));
            value /= 32;
        }
        return new String(code);
    }

    /** A 16-digit Visa test number that passes the Luhn check. */
    static String cardNumber(int card) {
        String body = "4" + String.format("%014d", 10_000_000L + card);
        for (int check = 0; check < 10; check++) {
            if (luhn(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no check digit");
    }

    static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("bench-" + name).getBytes(StandardCharsets.US_ASCII));
    }
}
