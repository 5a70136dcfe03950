package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import com.cardcoupons.relay.coupon.FoundBenefit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines a terminal prints on the receipt, 40 characters wide, amounts in the currency's own minor units. */
final class Receipt {

    private static final int WIDTH = 40;

    private Receipt() {
    }

    static List<String> lines(PaymentOutcome outcome) {
        List<String> lines = new ArrayList<>();
        PaymentOutcome.CardOnReceipt card = outcome.card();
        lines.add(card.brand() + " " + card.type() + " ****" + card.lastFour());
        lines.add("TRANSACTION " + outcome.transactionId());
        lines.add(amountLine("AMOUNT", format(outcome.originalAmount())));
        for (AppliedCoupon coupon : outcome.coupon().applied()) {
            lines.add(amountLine("COUPON " + coupon.title(), "-" + format(coupon.discount())));
            lines.add("  " + coupon.code());
        }
        switch (outcome.result()) {
            case APPROVED -> {
                lines.add(amountLine("TOTAL CHARGED", format(outcome.chargedAmount())));
                lines.add("APPROVED  CODE " + outcome.authorizationCode());
            }
            case DECLINED -> lines.add("DECLINED  " + outcome.decline().responseCode()
                    + (outcome.decline().reason() == null ? "" : " " + outcome.decline().reason()));
            case REFERRED -> lines.add("REFERRED  " + outcome.decline().responseCode() + " CALL CARD ISSUER");
            case SYSTEM_ERROR -> {
                lines.add("NOT CHARGED: CARD NETWORK ERROR " + outcome.decline().responseCode());
                lines.add("PLEASE TRY AGAIN");
            }
            case TIMED_OUT -> {
                lines.add("NOT CHARGED: NO ANSWER FROM CARD NETWORK");
                lines.add("PLEASE TRY AGAIN");
            }
        }
        if (outcome.result() == PaymentResult.APPROVED && outcome.coupon().status() == CouponStatus.UNAVAILABLE) {
            lines.add("COUPONS UNAVAILABLE: FULL PRICE CHARGED");
        }
        for (FoundBenefit benefit : outcome.benefits()) {
            lines.add(clip(benefit.kind() + " " + benefit.title()));
            if (benefit.grant() != null) {
                lines.add(clip("  " + benefit.grant()));
            }
            lines.add("  " + benefit.code());
        }
        return lines;
    }

    /** An amount in its currency, by its ISO 4217 minor unit: {@code JPY 1,200}, {@code USD 12.34}. */
    static String format(Money money) {
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        BigDecimal value = BigDecimal.valueOf(money.amountMinor(), digits);
        return money.currency().getCurrencyCode() + " " + String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    private static String amountLine(String label, String amount) {
        int room = WIDTH - amount.length() - 1;
        String shown = label.length() > room ? label.substring(0, room) : label;
        return shown + " ".repeat(WIDTH - shown.length() - amount.length()) + amount;
    }

    private static String clip(String line) {
        return line.length() > WIDTH ? line.substring(0, WIDTH) : line;
    }
}
