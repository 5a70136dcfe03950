package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.cardcoupons.couponserver.coupon.Examples.NOW;
import static com.cardcoupons.couponserver.coupon.Examples.purchase;
import static com.cardcoupons.couponserver.coupon.Examples.terms;
import static com.cardcoupons.couponserver.coupon.Examples.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CombinationTest {

    private static final Purchase PURCHASE = purchase(3000);

    @Test
    void allStackableCouponsGoTogetherOnePerCampaign() {
        Examples.Terms twice = terms().discount(new Discount.FixedAmount(500));
        CouponMatch first = match(twice.coupon("AAAAAAAAAAAAAAAA"));
        CouponMatch second = match(twice.coupon("BBBBBBBBBBBBBBBB"));
        CouponMatch other = match(terms().discount(new Discount.FixedAmount(300)).coupon());

        Combination best = Combination.best(List.of(first, second, other), PURCHASE.amount()).orElseThrow();

        assertThat(best.coupons()).extracting(applied -> applied.match().coupon().code())
                .containsExactly("AAAAAAAAAAAAAAAA", other.coupon().code());
        assertThat(best.totalDiscount()).isEqualTo(yen(800));
        assertThat(best.payable()).isEqualTo(yen(2200));
    }

    @Test
    void anExclusiveCouponStandsAloneAndWinsWhenItSavesMore() {
        CouponMatch exclusive = match(terms().discount(new Discount.FixedAmount(1000)).exclusive().coupon());
        CouponMatch a = match(terms().discount(new Discount.FixedAmount(400)).coupon());
        CouponMatch b = match(terms().discount(new Discount.FixedAmount(500)).coupon());

        assertThat(Combination.best(List.of(a, exclusive, b), PURCHASE.amount()).orElseThrow().coupons())
                .extracting(applied -> applied.match()).containsExactly(exclusive);
        CouponMatch c = match(terms().discount(new Discount.FixedAmount(200)).coupon());
        assertThat(Combination.best(List.of(a, exclusive, b, c), PURCHASE.amount()).orElseThrow().totalDiscount())
                .as("400 + 500 + 200 beats 1000 alone").isEqualTo(yen(1100));
    }

    @Test
    void onEqualSavingsTheCombinationGrantingMoreWins() {
        CouponMatch exclusive = match(terms().discount(new Discount.FixedAmount(500)).exclusive().coupon());
        CouponMatch discount = match(terms().discount(new Discount.FixedAmount(500)).coupon());
        CouponMatch coffee = match(terms().benefit("Free coffee", 450).coupon());

        Combination best = Combination.best(List.of(exclusive, discount, coffee), PURCHASE.amount()).orElseThrow();

        assertThat(best.coupons()).extracting(Combination.Applied::match).containsExactlyInAnyOrder(discount, coffee);
    }

    @Test
    void stackedDiscountsAreAppliedBestFirstAndNeverGoBelowZero() {
        CouponMatch big = match(terms().discount(new Discount.FixedAmount(2500)).coupon());
        CouponMatch small = match(terms().discount(new Discount.FixedAmount(1000)).coupon());

        Combination combination = Combination.of(List.of(small, big), PURCHASE.amount());

        assertThat(combination.coupons()).extracting(Combination.Applied::discount).containsExactly(yen(2500), yen(500));
        assertThat(combination.payable()).isEqualTo(yen(0));
        assertThat(combination.amount()).isEqualTo(yen(3000));
    }

    @Test
    void aChoiceTheStackingRulesForbidIsRefused() {
        CouponMatch exclusive = match(terms().exclusive().coupon());
        CouponMatch stackable = match(terms().coupon());
        Examples.Terms campaign = terms();

        assertThatThrownBy(() -> Combination.of(List.of(stackable, exclusive), PURCHASE.amount()))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("COUPON_NOT_STACKABLE");
        assertThatThrownBy(() -> Combination.of(List.of(match(campaign.coupon()), match(campaign.coupon())), PURCHASE.amount()))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("SAME_CAMPAIGN_TWICE");
        assertThat(Combination.of(List.of(exclusive), PURCHASE.amount()).coupons()).hasSize(1);
    }

    @Test
    void nothingUsableIsNoCombination() {
        assertThat(Combination.best(List.of(), PURCHASE.amount())).isEmpty();
    }

    @Test
    void amongEqualsTheCouponExpiringFirstRanksFirst() {
        CouponMatch later = match(terms().expiresAt(NOW.plus(Duration.ofDays(20))).coupon("BBBBBBBBBBBBBBBB"));
        CouponMatch sooner = match(terms().expiresAt(NOW.plus(Duration.ofDays(2))).coupon("CCCCCCCCCCCCCCCC"));

        assertThat(List.of(later, sooner).stream().sorted(CouponMatch.BEST_FIRST).toList()).containsExactly(sooner, later);
    }

    private static CouponMatch match(Coupon coupon) {
        return new CouponMatch(coupon, CouponEffect.of(coupon, PURCHASE));
    }
}
