package com.cardcoupons.registration.terms;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.cardcoupons.registration.terms.SampleTerms.MERCHANT;
import static com.cardcoupons.registration.terms.SampleTerms.TOKYO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TermsTest {

    private static final Instant NOW = Instant.parse("2025-04-01T03:00:00Z");
    private static final ValidityWindow APRIL = new ValidityWindow(TOKYO, NOW, NOW.plus(30, ChronoUnit.DAYS));

    @Nested
    class Discounts {

        @Test
        void aPercentageIsOneToTenThousandBasisPoints() {
            assertThat(new Discount(DiscountType.PERCENTAGE, 10_000, null, null).basisPoints()).isEqualTo(10_000);
            refused(() -> new Discount(DiscountType.PERCENTAGE, 10_001, null, null), "PERCENTAGE_OVER_100", "basisPoints");
            refused(() -> new Discount(DiscountType.PERCENTAGE, 0, null, null), "PERCENTAGE_NOT_POSITIVE", "basisPoints");
            refused(() -> new Discount(DiscountType.PERCENTAGE, null, null, null), "FIELD_REQUIRED", "basisPoints");
        }

        @Test
        void aPercentageMayBeCappedButHasNoFixedAmount() {
            refused(() -> new Discount(DiscountType.PERCENTAGE, 1000, null, Money.of(0, "JPY")), "AMOUNT_NOT_POSITIVE", "cap.amountMinor");
            refused(() -> new Discount(DiscountType.PERCENTAGE, 1000, Money.of(100, "JPY"), null), "UNEXPECTED_FIELD", "amount");
        }

        @Test
        void aFixedAmountIsMoreThanZeroAndIsItsOwnCap() {
            assertThat(new Discount(DiscountType.FIXED_AMOUNT, null, Money.of(300, "JPY"), null).amounts()).containsOnlyKeys("amount");
            refused(() -> new Discount(DiscountType.FIXED_AMOUNT, null, Money.of(0, "JPY"), null), "AMOUNT_NOT_POSITIVE", "amount.amountMinor");
            refused(() -> new Discount(DiscountType.FIXED_AMOUNT, null, null, null), "FIELD_REQUIRED", "amount");
            refused(() -> new Discount(DiscountType.FIXED_AMOUNT, null, Money.of(300, "JPY"), Money.of(300, "JPY")),
                    "UNEXPECTED_FIELD", "cap");
            refused(() -> new Discount(DiscountType.FIXED_AMOUNT, 500, Money.of(300, "JPY"), null), "UNEXPECTED_FIELD", "basisPoints");
        }
    }

    @Nested
    class BenefitsAndTickets {

        @Test
        void extraPointsAndMilesSayHowMany() {
            assertThat(new Benefit(BenefitType.EXTRA_MILES, "200 miles", null, 200L).points()).isEqualTo(200);
            refused(() -> new Benefit(BenefitType.EXTRA_POINTS, "points", null, null), "FIELD_REQUIRED", "points");
            refused(() -> new Benefit(BenefitType.EXTRA_POINTS, "points", null, 0L), "NOT_POSITIVE", "points");
            refused(() -> new Benefit(BenefitType.SERVICE, "free parking", null, 5L), "UNEXPECTED_FIELD", "points");
        }

        @Test
        void aBenefitIsDescribed() {
            refused(() -> new Benefit(BenefitType.FREE_ITEM, "  ", null, null), "FIELD_REQUIRED", "description");
            refused(() -> new Benefit(BenefitType.FREE_ITEM, "x".repeat(501), null, null), "TOO_LONG", "description");
            assertThat(new Benefit(BenefitType.FREE_ITEM, "  one coffee ", Money.of(0, "JPY"), null).description()).isEqualTo("one coffee");
        }

        @Test
        void aTicketIsUsedOnceForAnEventInsideTheWindow() {
            Ticket ticket = new Ticket("Jazz night", "Harbor Cafe", NOW.plus(10, ChronoUnit.DAYS));
            assertThat(terms(null, ticket, APRIL, new Limits(null, 1, 1)).kind()).isEqualTo(CouponKind.TICKET);
            refused(() -> terms(null, ticket, APRIL, new Limits(null, 1, 2)), "TICKET_USED_ONCE", "usesPerCoupon");
            Ticket tooLate = new Ticket("Jazz night", "Harbor Cafe", NOW.plus(40, ChronoUnit.DAYS));
            refused(() -> terms(null, tooLate, APRIL, new Limits(null, 1, 1)), "TICKET_OUTSIDE_WINDOW", "ticket.startsAt");
            refused(() -> new Ticket("Jazz night", null, NOW), "FIELD_REQUIRED", "venue");
        }
    }

    @Nested
    class Currency {

        @Test
        void aDiscountNeedsTheCampaignsCurrency() {
            refused(() -> terms(null, new Discount(DiscountType.PERCENTAGE, 1000, null, null), APRIL, new Limits(null, 1, 1)), "CURRENCY_REQUIRED", "currency");
        }

        @Test
        void everyAmountIsInTheCampaignsCurrency() {
            refused(() -> terms(Money.currency("JPY"), new Discount(DiscountType.PERCENTAGE, 1000, null, Money.of(5, "USD")), APRIL, new Limits(null, 1, 1)),
                    "CURRENCY_MISMATCH", "discount.cap.currency");
            refused(() -> terms(Money.currency("USD"), new Benefit(BenefitType.FREE_ITEM, "coffee", Money.of(450, "JPY"), null), APRIL,
                    new Limits(null, 1, 1)), "CURRENCY_MISMATCH", "benefit.value.currency");
        }

        @Test
        void aBenefitWithoutAmountsNeedsNoCurrency() {
            assertThat(terms(null, new Benefit(BenefitType.SERVICE, "free gift wrap", null, null), APRIL, new Limits(null, 1, 1)).currency())
                    .isNull();
        }
    }

    @Nested
    class Windows {

        @Test
        void aWindowEndsAfterItStarts() {
            refused(() -> new ValidityWindow(TOKYO, NOW, NOW), "WINDOW_ENDS_BEFORE_START", "validUntil");
            refused(() -> ValidityWindow.local("Asia/Tokyo", LocalDateTime.of(2025, 5, 1, 0, 0), LocalDateTime.of(2025, 4, 1, 0, 0)),
                    "WINDOW_ENDS_BEFORE_START", "validUntil");
        }

        @Test
        void localTimesAreReadInTheCampaignsTimeZone() {
            ValidityWindow window = ValidityWindow.local("Asia/Tokyo", LocalDateTime.of(2025, 4, 1, 0, 0), LocalDateTime.of(2025, 4, 30, 23, 59));
            assertThat(window.from()).isEqualTo(Instant.parse("2025-03-31T15:00:00Z"));
            assertThat(window.localUntil()).isEqualTo(LocalDateTime.of(2025, 4, 30, 23, 59));
        }

        @Test
        void aLocalTimeSkippedByDaylightSavingMovesForward() {
            ValidityWindow window = ValidityWindow.local("America/New_York",
                    LocalDateTime.of(2025, 3, 9, 2, 30), LocalDateTime.of(2025, 3, 10, 0, 0));
            assertThat(window.from()).isEqualTo(Instant.parse("2025-03-09T07:30:00Z"));
        }

        @Test
        void onlyIanaTimeZonesAreAccepted() {
            refused(() -> ValidityWindow.zone("+09:00"), "UNKNOWN_TIME_ZONE", "timeZone");
            refused(() -> ValidityWindow.zone("Tokyo"), "UNKNOWN_TIME_ZONE", "timeZone");
            refused(() -> ValidityWindow.zone(null), "FIELD_REQUIRED", "timeZone");
        }

        @Test
        void theWindowIncludesItsStartAndExcludesItsEnd() {
            assertThat(APRIL.contains(APRIL.from())).isTrue();
            assertThat(APRIL.contains(APRIL.until())).isFalse();
            assertThat(APRIL.isOver(APRIL.until())).isTrue();
            assertThat(APRIL.hasStarted(APRIL.from().minusNanos(1))).isFalse();
        }

        @Test
        void aCouponExpiresAfterItsDaysOrWhenTheWindowCloses() {
            assertThat(APRIL.couponExpiry(NOW, null)).isEqualTo(APRIL.until());
            assertThat(APRIL.couponExpiry(NOW, 7)).isEqualTo(NOW.plus(7, ChronoUnit.DAYS));
            assertThat(APRIL.couponExpiry(NOW.plus(28, ChronoUnit.DAYS), 7)).isEqualTo(APRIL.until());
        }
    }

    @Nested
    class MediaPlacesAndLimits {

        private final AcceptedMedia visaCredit = new AcceptedMedia(Set.of(MediumType.CREDIT, MediumType.MILEAGE), Set.of(CardBrand.VISA));

        @Test
        void aMediumOfAnotherTypeOrBrandIsNotAccepted() {
            visaCredit.requireAccepted(MediumType.CREDIT, CardBrand.VISA);
            visaCredit.requireAccepted(MediumType.MILEAGE, null);
            refused(() -> visaCredit.requireAccepted(MediumType.DEBIT, CardBrand.VISA), "MEDIUM_NOT_ACCEPTED", "type");
            refused(() -> visaCredit.requireAccepted(MediumType.CREDIT, CardBrand.JCB), "CARD_BRAND_NOT_ACCEPTED", "cardNumber");
        }

        @Test
        void aNumberAloneIsTakenAsTheOneAcceptedTypeOfItsFamily() {
            assertThat(visaCredit.typeFor(true)).isEqualTo(MediumType.CREDIT);
            assertThat(visaCredit.typeFor(false)).isEqualTo(MediumType.MILEAGE);
            AcceptedMedia debitOnly = new AcceptedMedia(Set.of(MediumType.DEBIT), Set.of());
            assertThat(debitOnly.typeFor(true)).isEqualTo(MediumType.DEBIT);
            refused(() -> debitOnly.typeFor(false), "MEDIUM_NOT_ACCEPTED", "memberNumber");
        }

        @Test
        void aNumberAloneIsRefusedWhenBothTypesOfItsFamilyAreAccepted() {
            AcceptedMedia any = new AcceptedMedia(Set.of(MediumType.values()), Set.of());
            refused(() -> any.typeFor(false), "MEDIUM_TYPE_REQUIRED", "type");
            refused(() -> any.typeFor(true), "MEDIUM_TYPE_REQUIRED", "type");
        }

        @Test
        void brandsNarrowCardsOnly() {
            refused(() -> new AcceptedMedia(Set.of(MediumType.POINT), Set.of(CardBrand.VISA)), "BRANDS_WITHOUT_PAYMENT_CARD", "acceptedBrands");
            refused(() -> new AcceptedMedia(Set.of(MediumType.CREDIT), Set.of(CardBrand.UNKNOWN)), "INVALID_CARD_BRAND", "acceptedBrands");
            refused(() -> AcceptedMedia.of(List.of(), List.of()), "FIELD_REQUIRED", "acceptedMedia");
            refused(() -> AcceptedMedia.of(List.of(MediumType.POINT, MediumType.POINT), null), "DUPLICATE_VALUE", "acceptedMedia[1]");
        }

        @Test
        void placesAreNamedWellFormed() {
            refused(() -> new Usability(List.of(), null, null, null, null, null), "FIELD_REQUIRED", "usableMerchantIds");
            refused(() -> new Usability(List.of(MERCHANT), null, List.of("5411", "541"), null, null, null), "INVALID_MCC", "usableMccs[1]");
            refused(() -> new Usability(List.of(MERCHANT, MERCHANT), null, null, null, null, null), "DUPLICATE_VALUE", "usableMerchantIds[1]");
            refused(() -> new Usability(List.of(MERCHANT), null, null, List.of("x".repeat(65)), null, null), "TOO_LONG", "skus[0]");
            refused(() -> new Usability(List.of(MERCHANT), null, null, null, null, Money.of(0, "JPY")), "AMOUNT_NOT_POSITIVE", "minSpend.amountMinor");
        }

        @Test
        void limitsArePositiveAndAMediumMayNotHoldMoreThanTheCap() {
            assertThat(Limits.of(null, 2, null).usesPerCoupon()).isEqualTo(1);
            refused(() -> Limits.of(10, null, null), "FIELD_REQUIRED", "perCardLimit");
            refused(() -> Limits.of(10, 11, null), "PER_CARD_LIMIT_OVER_CAP", "perCardLimit");
            refused(() -> Limits.of(0, 1, null), "NOT_POSITIVE", "totalCap");
            refused(() -> Limits.of(null, 1, 1001), "TOO_LARGE", "usesPerCoupon");
        }
    }

    @Nested
    class FromTheRequest {

        @Test
        void theSectionMustMatchTheKindAndTheOwnMerchantIsTheDefaultPlace() {
            TermsRequest discount = request(CouponKind.DISCOUNT, new Discount(DiscountType.PERCENTAGE, 500, null, null), null);
            Terms terms = discount.toTerms(MERCHANT);
            assertThat(terms.usability().merchantIds()).containsExactly(MERCHANT);
            assertThat(terms.window().zone()).isEqualTo(TOKYO);
            refused(() -> request(CouponKind.BENEFIT, new Discount(DiscountType.PERCENTAGE, 500, null, null), null).toTerms(MERCHANT), "UNEXPECTED_FIELD", "discount");
            refused(() -> request(CouponKind.TICKET, null, null).toTerms(MERCHANT), "FIELD_REQUIRED", "ticket");
            refused(() -> request(null, null, null).toTerms(MERCHANT), "FIELD_REQUIRED", "kind");
        }

        @Test
        void aTicketsLocalStartIsInTheCampaignsTimeZone() {
            TermsRequest ticket = request(CouponKind.TICKET, null, new TermsRequest.TicketRequest("Jazz", "Cafe", LocalDateTime.of(2025, 4, 10, 19, 0)));
            assertThat(((Ticket) ticket.toTerms(MERCHANT).offer()).startsAt()).isEqualTo(Instant.parse("2025-04-10T10:00:00Z"));
            refused(() -> request(CouponKind.TICKET, null, new TermsRequest.TicketRequest(null, "Cafe", LocalDateTime.of(2025, 4, 10, 19, 0)))
                    .toTerms(MERCHANT), "FIELD_REQUIRED", "ticket.event");
        }

        private TermsRequest request(CouponKind kind, Discount discount, TermsRequest.TicketRequest ticket) {
            return new TermsRequest("title", null, kind, "JPY", discount, null, ticket, "Asia/Tokyo",
                    LocalDateTime.of(2025, 4, 1, 0, 0), LocalDateTime.of(2025, 4, 30, 0, 0), null,
                    null, null, null, null, null, null, List.of(MediumType.CREDIT), null, null, 1, null, Stacking.STACKABLE, null);
        }
    }

    @Nested
    class Budgets {

        @Test
        void aBudgetSetsAtLeastOneLimitEachPositive() {
            assertThat(new Budget(Money.of(50_000, "JPY"), null, null, null, null, null, null).totalDiscount())
                    .isEqualTo(Money.of(50_000, "JPY"));
            refused(() -> new Budget(null, null, null, null, null, null, null), "EMPTY_BUDGET", null);
            refused(() -> new Budget(Money.of(0, "JPY"), null, null, null, null, null, null), "AMOUNT_NOT_POSITIVE", "totalDiscount.amountMinor");
            refused(() -> new Budget(null, 0, null, null, null, null, null), "NOT_POSITIVE", "usesPerDay");
            refused(() -> new Budget(null, null, null, 100_000_001, null, null, null), "TOO_LARGE", "usesPerMonth");
        }

        @Test
        void aDayFitsInItsWeekAndMonthAndACardInTheCampaign() {
            assertThat(new Budget(null, 10, 10, 10, 1, 5, 10).usesPerDay()).isEqualTo(10);
            assertThat(new Budget(null, null, 5, 4, null, null, null).usesPerWeek()).isEqualTo(5);
            refused(() -> new Budget(null, 11, 10, null, null, null, null), "LIMIT_OVER_WIDER_LIMIT", "usesPerDay");
            refused(() -> new Budget(null, 11, null, 10, null, null, null), "LIMIT_OVER_WIDER_LIMIT", "usesPerDay");
            refused(() -> new Budget(null, null, null, null, 3, 2, null), "LIMIT_OVER_WIDER_LIMIT", "usesPerCardPerDay");
            refused(() -> new Budget(null, 2, null, null, 3, null, null), "LIMIT_OVER_WIDER_LIMIT", "usesPerCardPerDay");
            refused(() -> new Budget(null, null, null, 2, null, null, 3), "LIMIT_OVER_WIDER_LIMIT", "usesPerCardPerMonth");
        }

        @Test
        void aDiscountBudgetIsInTheCampaignsCurrencyAndOnlyForDiscounts() {
            Discount tenPercent = new Discount(DiscountType.PERCENTAGE, 1000, null, null);
            Budget yen = new Budget(Money.of(10_000, "JPY"), null, null, null, null, null, null);
            assertThat(terms(tenPercent, yen).budget()).isEqualTo(yen);
            refused(() -> terms(tenPercent, new Budget(Money.of(10_000, "USD"), null, null, null, null, null, null)),
                    "CURRENCY_MISMATCH", "budget.totalDiscount.currency");
            refused(() -> terms(new Benefit(BenefitType.FREE_ITEM, "a coffee", null, null), yen),
                    "BUDGET_NEEDS_DISCOUNT", "budget.totalDiscount");
            assertThat(terms(new Benefit(BenefitType.FREE_ITEM, "a coffee", null, null),
                    new Budget(null, 50, null, null, 1, null, null)).budget().usesPerDay()).isEqualTo(50);
        }

        private Terms terms(Offer offer, Budget budget) {
            return new Terms("title", null, java.util.Currency.getInstance("JPY"), offer, APRIL, null,
                    new Usability(List.of(UUID.randomUUID()), null, null, null, null, null),
                    new AcceptedMedia(Set.of(MediumType.CREDIT), Set.of()), new Limits(null, 1, 1), Stacking.STACKABLE, budget);
        }
    }

    private static Terms terms(java.util.Currency currency, Offer offer, ValidityWindow window, Limits limits) {
        return new Terms("title", null, currency, offer, window, null,
                new Usability(List.of(UUID.randomUUID()), null, null, null, null, null),
                new AcceptedMedia(Set.of(MediumType.CREDIT), Set.of()), limits, Stacking.EXCLUSIVE, null);
    }

    static void refused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(code);
                    assertThat(problem.field()).isEqualTo(field);
                });
    }
}
