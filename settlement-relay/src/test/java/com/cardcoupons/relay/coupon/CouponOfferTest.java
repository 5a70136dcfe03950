package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.CouponSearchResponse.Combination;
import com.cardcoupons.model.terminal.CouponSearchResponse.Effect;
import com.cardcoupons.model.terminal.CouponSearchResponse.UsableCoupon;
import com.cardcoupons.model.terminal.Stacking;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CouponOfferTest {

    private static final Money AMOUNT = yen(1_000);
    private static final UsableCoupon TEN = usable("TEN", CouponKind.DISCOUNT, yen(100), null);
    private static final UsableCoupon FIVE = usable("FIVE", CouponKind.DISCOUNT, yen(50), null);
    private static final UsableCoupon COFFEE = usable("COFFEE", CouponKind.BENEFIT, yen(0), "one coffee");
    private static final UsableCoupon CONCERT = usable("CONCERT", CouponKind.TICKET, yen(0), "admits one");

    @Test
    void theBestCombinationsDiscountCouponsAreOfferedWithWhatIsLeftToPay() {
        CouponOffer offer = CouponOffer.of(new CouponSearchResponse(UUID.randomUUID(), List.of(TEN, FIVE, COFFEE, CONCERT),
                new Combination(List.of("TEN", "FIVE", "COFFEE"), yen(150), yen(850)), List.of()), AMOUNT, Duration.ZERO);

        assertThat(offer.hasDiscount()).isTrue();
        assertThat(offer.discountCodes()).containsExactly("TEN", "FIVE");
        assertThat(offer.payable()).isEqualTo(yen(850));
        assertThat(offer.totalDiscount()).isEqualTo(yen(150));
        assertThat(offer.benefits()).extracting(FoundBenefit::code).containsExactly("COFFEE", "CONCERT");
        assertThat(offer.benefits().get(1).grant()).isEqualTo("admits one");
    }

    @Test
    void aCombinationThatDoesNotLowerTheAmountIsNoDiscount() {
        assertThat(offerWith(new Combination(List.of("TEN"), yen(0), AMOUNT)).hasDiscount()).isFalse();
        assertThat(offerWith(new Combination(List.of("TEN"), AMOUNT, yen(0))).hasDiscount()).as("free: nothing to authorize").isFalse();
        assertThat(offerWith(new Combination(List.of("TEN"), yen(100), Money.of(900, "USD"))).hasDiscount()).isFalse();
        assertThat(offerWith(new Combination(List.of("TEN"), yen(0), yen(1_100))).hasDiscount()).isFalse();
        assertThat(offerWith(new Combination(List.of("COFFEE"), yen(100), yen(900))).hasDiscount())
                .as("only discount coupons are applied by the relay").isFalse();
        assertThat(offerWith(null).hasDiscount()).isFalse();
        assertThat(offerWith(null).available()).isTrue();
    }

    @Test
    void anUnavailableSearchOffersNothing() {
        CouponOffer offer = CouponOffer.unavailable("COUPON_SERVER_CIRCUIT_OPEN", Duration.ofMillis(1));

        assertThat(offer.available()).isFalse();
        assertThat(offer.hasDiscount()).isFalse();
        assertThat(offer.benefits()).isEmpty();
    }

    private static CouponOffer offerWith(Combination best) {
        return CouponOffer.of(new CouponSearchResponse(UUID.randomUUID(), List.of(TEN, COFFEE), best, List.of()), AMOUNT, Duration.ZERO);
    }

    private static UsableCoupon usable(String code, CouponKind kind, Money discount, String grant) {
        return new UsableCoupon(UUID.randomUUID(), code, UUID.randomUUID(), code + " title", kind, Stacking.STACKABLE,
                new Effect(discount, AMOUNT.minus(discount), grant), 1, Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static Money yen(long amount) {
        return Money.of(amount, "JPY");
    }
}
