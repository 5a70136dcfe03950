package com.cardcoupons.relay.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh Luhn-valid card numbers, so every test has cards no other test touched at the shared simulator. */
public final class TestCards {

    private TestCards() {
    }

    /** A 16-digit Visa-range test number. */
    public static String fresh() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    private static int checkDigit(CharSequence partial) {
        int sum = 0;
        boolean doubled = true;
        for (int i = partial.length() - 1; i >= 0; i--) {
            int d = partial.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
