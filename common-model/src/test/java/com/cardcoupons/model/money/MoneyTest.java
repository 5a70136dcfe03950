package com.cardcoupons.model.money;

import com.cardcoupons.model.problem.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void rejectsNegativeAmountsWithAStableCode() {
        assertThatThrownBy(() -> Money.of(-1, "JPY"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("NEGATIVE_AMOUNT");
                    assertThat(e.field()).isEqualTo("amountMinor");
                });
    }

    @Test
    void rejectsUnknownCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "XYZ"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_CURRENCY"));
    }

    @Test
    void basisPointsRoundDownSoADiscountNeverExceedsItsRate() {
        assertThat(Money.of(999, "JPY").basisPoints(1_000)).isEqualTo(Money.of(99, "JPY"));
        assertThat(Money.of(1_000, "USD").basisPoints(10_000)).isEqualTo(Money.of(1_000, "USD"));
    }

    @Test
    void arithmeticRefusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "JPY").plus(Money.of(1, "USD")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CURRENCY_MISMATCH"));
    }

    @Test
    void neverGoesBelowZero() {
        assertThat(Money.of(500, "JPY").minus(Money.of(500, "JPY")).isZero()).isTrue();
        assertThatThrownBy(() -> Money.of(1, "JPY").minus(Money.of(2, "JPY"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "JPY").times(2)).isInstanceOf(ArithmeticException.class);
    }
}
