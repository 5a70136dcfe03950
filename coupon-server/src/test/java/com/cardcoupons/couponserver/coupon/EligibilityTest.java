package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.BudgetLimit;
import com.cardcoupons.couponserver.budget.BudgetPeriod;
import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.medium.MediumType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.couponserver.coupon.Examples.MART;
import static com.cardcoupons.couponserver.coupon.Examples.NOW;
import static com.cardcoupons.couponserver.coupon.Examples.SHIBUYA;
import static com.cardcoupons.couponserver.coupon.Examples.TILL;
import static com.cardcoupons.couponserver.coupon.Examples.line;
import static com.cardcoupons.couponserver.coupon.Examples.purchase;
import static com.cardcoupons.couponserver.coupon.Examples.terms;
import static com.cardcoupons.couponserver.coupon.Examples.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EligibilityTest {

    @Test
    void aCouponOfAnApprovedCampaignWithinItsTermsIsUsable() {
        assertThat(Eligibility.refusals(terms().coupon(), purchase(1000))).isEmpty();
    }

    @Test
    void theCampaignMustBeApproved() {
        assertThat(codes(terms().state(CampaignState.PENDING_APPROVAL).coupon(), purchase(1000))).containsExactly("CAMPAIGN_NOT_APPROVED");
        assertThat(codes(terms().state(CampaignState.REJECTED).coupon(), purchase(1000))).containsExactly("CAMPAIGN_NOT_APPROVED");
        assertThat(codes(terms().state(CampaignState.SUSPENDED).coupon(), purchase(1000))).containsExactly("CAMPAIGN_SUSPENDED");
        assertThat(codes(terms().state(CampaignState.ENDED).coupon(), purchase(1000))).containsExactly("CAMPAIGN_ENDED");
    }

    @Test
    void theWindowIsHalfOpenAndTheCouponExpiresAtItsInstant() {
        assertThat(codes(terms().window(NOW, NOW.plusSeconds(60)).coupon(), purchase(1000))).isEmpty();
        assertThat(codes(terms().window(NOW.plusSeconds(1), NOW.plusSeconds(60)).coupon(), purchase(1000))).containsExactly("NOT_YET_VALID");
        assertThat(codes(terms().window(NOW.minusSeconds(60), NOW).coupon(), purchase(1000))).containsExactly("CAMPAIGN_WINDOW_CLOSED");
        assertThat(codes(terms().expiresAt(NOW).coupon(), purchase(1000))).containsExactly("COUPON_EXPIRED");
        assertThat(Eligibility.refusals(terms().expiresAt(NOW.minus(Duration.ofDays(1))).coupon(), purchase(1000)).get(0).detail())
                .isEqualTo("coupon expired 2026-03-09 12:00 (Asia/Tokyo)");
    }

    @Test
    void aCancelledCouponOrOneWithoutUsesLeftIsRefused() {
        assertThat(codes(terms().cancelled().coupon(), purchase(1000))).containsExactly("COUPON_CANCELLED");
        assertThat(codes(terms().uses(2, 2).coupon(), purchase(1000))).containsExactly("NO_USES_LEFT");
        assertThat(codes(terms().uses(2, 1).coupon(), purchase(1000))).isEmpty();
    }

    @Test
    void theMerchantIsTheCampaignsOwnUnlessTheTermsNameOthers() {
        UUID other = UUID.randomUUID();
        assertThat(codes(terms().merchants(other).coupon(), purchase(1000))).containsExactly("NOT_VALID_AT_MERCHANT");
        assertThat(codes(terms().merchants(other, MART).coupon(), purchase(1000))).isEmpty();
    }

    @Test
    void storesAndMerchantCategoriesNarrowWhereTheCouponIsUsable() {
        assertThat(codes(terms().stores(UUID.randomUUID()).coupon(), purchase(1000))).containsExactly("NOT_VALID_AT_STORE");
        assertThat(codes(terms().stores(SHIBUYA.id()).coupon(), purchase(1000))).isEmpty();
        assertThat(details(terms().mccs("5814", "5812").coupon(), purchase(1000)))
                .containsExactly("not valid at merchant category 5411; valid at 5812, 5814");
        assertThat(codes(terms().mccs("5411").coupon(), purchase(1000))).isEmpty();
    }

    @Test
    void theMediumTypeAndBrandMustBeAccepted() {
        assertThat(codes(terms().media(MediumType.DEBIT).coupon(), purchase(1000))).containsExactly("MEDIUM_TYPE_NOT_ACCEPTED");
        assertThat(codes(terms().brands("JCB").coupon(), purchase(1000))).containsExactly("CARD_BRAND_NOT_ACCEPTED");
        assertThat(codes(terms().brands("VISA", "JCB").coupon(), purchase(1000))).isEmpty();
    }

    @Test
    void redeemedByScannedCodeTheCouponsOwnMediumCounts() {
        Purchase scanned = new Purchase(TILL, SHIBUYA, yen(1000), List.of(), NOW, null, null);
        assertThat(codes(terms().media(MediumType.CREDIT).brands("VISA").coupon(), scanned)).isEmpty();
        assertThat(codes(terms().media(MediumType.POINT).coupon(), scanned)).containsExactly("MEDIUM_TYPE_NOT_ACCEPTED");
    }

    @Test
    void itemsMustQualifyAndTheirSpendMeetTheMinimum() {
        Coupon dairy = terms().categories("DAIRY").minSpend(500).coupon();
        assertThat(codes(dairy, purchase(2000, line("BREAD", "BAKERY", 1, 300)))).containsExactly("NO_QUALIFYING_ITEM");
        assertThat(details(dairy, purchase(2000, line("MILK", "DAIRY", 1, 300), line("RICE", "GRAIN", 1, 1000))))
                .containsExactly("minimum spend 500 JPY not met by the qualifying items (300 JPY)");
        assertThat(codes(dairy, purchase(2000, line("MILK", "DAIRY", 2, 300)))).isEmpty();
        assertThat(codes(terms().skus("MILK").coupon(), purchase(2000, line("MILK", null, 1, 300)))).isEmpty();
        assertThat(details(terms().minSpend(3000).coupon(), purchase(2999))).containsExactly("minimum spend 3000 JPY not met");
        assertThat(codes(terms().minSpend(3000).coupon(), purchase(3000))).isEmpty();
    }

    @Test
    void aPurchaseInAnotherCurrencyIsRefused() {
        Purchase dollars = new Purchase(TILL, SHIBUYA, com.cardcoupons.model.money.Money.of(1000, "USD"), List.of(), NOW,
                MediumType.CREDIT, "VISA");
        assertThat(codes(terms().coupon(), dollars)).containsExactly("CURRENCY_NOT_ACCEPTED");
    }

    @Test
    void aBudgetWithoutRoomForThisPurchaseRefusesTheCouponWithItsReason() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        CampaignBudget budget = new CampaignBudget(tokyo, 1000L, 10, null, null, 1, null, null);
        LocalDate today = LocalDate.of(2026, 3, 10);
        BudgetStanding roomForOneHundred = new BudgetStanding(budget, Map.of(
                BudgetLimit.TOTAL_DISCOUNT, new BudgetStanding.Count(BudgetPeriod.TOTAL, BudgetPeriod.CAMPAIGN_START, 9, 900),
                BudgetLimit.USES_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 9, 900),
                BudgetLimit.USES_PER_CARD_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 0, 0)));

        assertThat(codes(terms().budget(budget, roomForOneHundred).coupon(), purchase(1000))).as("10% of 1,000 fits").isEmpty();
        List<Refusal> refusals = Eligibility.refusals(terms().budget(budget, roomForOneHundred).coupon(), purchase(2000));
        assertThat(refusals).extracting(Refusal::code).containsExactly("CAMPAIGN_BUDGET_EXHAUSTED");
        assertThat(refusals.get(0).detail()).isEqualTo("campaign budget exhausted: 100 JPY left, this purchase's discount is 200 JPY");

        BudgetStanding cardUsedToday = new BudgetStanding(budget, Map.of(
                BudgetLimit.TOTAL_DISCOUNT, new BudgetStanding.Count(BudgetPeriod.TOTAL, BudgetPeriod.CAMPAIGN_START, 10, 1000),
                BudgetLimit.USES_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 10, 1000),
                BudgetLimit.USES_PER_CARD_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 1, 0)));
        assertThat(Eligibility.refusals(terms().budget(budget, cardUsedToday).coupon(), purchase(1000)))
                .extracting(Refusal::code, Refusal::detail)
                .containsExactly(
                        tuple("CAMPAIGN_BUDGET_EXHAUSTED", "campaign budget exhausted: 0 JPY left, this purchase's discount is 100 JPY"),
                        tuple("DAILY_LIMIT_REACHED", "daily limit reached: all 10 uses of this day are taken"),
                        tuple("CARD_DAILY_LIMIT_REACHED", "daily limit for this card reached: all 1 uses of this day are taken"));
        assertThat(codes(terms().budget(budget, null).coupon(), purchase(1000))).as("not read: the use decides").isEmpty();
    }

    @Test
    void everyFailingRuleIsReported() {
        Coupon coupon = terms().state(CampaignState.SUSPENDED).cancelled().stores(UUID.randomUUID()).media(MediumType.POINT)
                .minSpend(5000).uses(1, 1).coupon();
        assertThat(codes(coupon, purchase(1000))).containsExactly("CAMPAIGN_SUSPENDED", "COUPON_CANCELLED",
                "NOT_VALID_AT_STORE", "MEDIUM_TYPE_NOT_ACCEPTED", "MINIMUM_SPEND_NOT_MET", "NO_USES_LEFT");
    }

    private static List<String> codes(Coupon coupon, Purchase purchase) {
        return Eligibility.refusals(coupon, purchase).stream().map(Refusal::code).toList();
    }

    private static List<String> details(Coupon coupon, Purchase purchase) {
        return Eligibility.refusals(coupon, purchase).stream().map(Refusal::detail).toList();
    }
}
