package com.cardcoupons.couponserver.coupon;

import org.junit.jupiter.api.Test;

import static com.cardcoupons.couponserver.coupon.Examples.line;
import static com.cardcoupons.couponserver.coupon.Examples.purchase;
import static com.cardcoupons.couponserver.coupon.Examples.terms;
import static com.cardcoupons.couponserver.coupon.Examples.yen;
import static org.assertj.core.api.Assertions.assertThat;

class CouponEffectTest {

    @Test
    void aPercentageIsRoundedDownAndCapped() {
        assertThat(effect(new Discount.Percentage(1000, null), 1999).discount()).isEqualTo(yen(199));
        assertThat(effect(new Discount.Percentage(1000, 500L), 9000).discount()).isEqualTo(yen(500));
        assertThat(effect(new Discount.Percentage(1250, null), 1000).payable()).isEqualTo(yen(875));
    }

    @Test
    void aFixedAmountNeverExceedsWhatItDiscounts() {
        assertThat(effect(new Discount.FixedAmount(300), 2000).payable()).isEqualTo(yen(1700));
        assertThat(effect(new Discount.FixedAmount(300), 200).discount()).isEqualTo(yen(200));
        assertThat(effect(new Discount.FixedAmount(300), 200).payable()).isEqualTo(yen(0));
    }

    @Test
    void aDiscountOnItemsAppliesToTheQualifyingLinesOnly() {
        Coupon milk = terms().skus("MILK").discount(new Discount.Percentage(5000, null)).coupon();
        CouponEffect effect = CouponEffect.of(milk, purchase(3000, line("MILK", "DAIRY", 2, 250), line("RICE", "GRAIN", 1, 2000)));
        assertThat(effect.discount()).isEqualTo(yen(250));
        assertThat(effect.payable()).isEqualTo(yen(2750));

        Coupon fixedOnMilk = terms().skus("MILK").discount(new Discount.FixedAmount(1000)).coupon();
        assertThat(CouponEffect.of(fixedOnMilk, purchase(3000, line("MILK", "DAIRY", 2, 250))).discount())
                .as("never more than the qualifying lines").isEqualTo(yen(500));
    }

    @Test
    void aBenefitGrantsWithoutChangingTheAmount() {
        CouponEffect effect = CouponEffect.of(terms().benefit("Free item: coffee", 450).coupon(), purchase(1000));
        assertThat(effect.discount()).isEqualTo(yen(0));
        assertThat(effect.payable()).isEqualTo(yen(1000));
        assertThat(effect.grant().text()).isEqualTo("Free item: coffee");
    }

    @Test
    void grantsAndOffersReadAsSentences() {
        assertThat(Grant.benefit("EXTRA_MILES", "on fresh food", null, 200L).text()).isEqualTo("200 extra miles: on fresh food");
        assertThat(Grant.ticket("Harbor Jazz Night", "Harbor Cafe", java.time.Instant.parse("2026-04-01T10:00:00Z"),
                java.time.ZoneId.of("Asia/Tokyo")).text())
                .isEqualTo("Admission: Harbor Jazz Night at Harbor Cafe, 2026-04-01 19:00 (Asia/Tokyo)");
        assertThat(terms().discount(new Discount.Percentage(1050, 500L)).minSpend(1000).build().offer())
                .isEqualTo("10.5% off (up to 500 JPY), on a spend of 1000 JPY or more");
    }

    private static CouponEffect effect(Discount discount, long amount) {
        return CouponEffect.of(terms().discount(discount).coupon(), purchase(amount));
    }
}
