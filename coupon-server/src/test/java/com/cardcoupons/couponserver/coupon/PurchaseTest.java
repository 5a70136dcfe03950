package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.IntendedUse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cardcoupons.couponserver.coupon.Examples.NOW;
import static com.cardcoupons.couponserver.coupon.Examples.SHIBUYA;
import static com.cardcoupons.couponserver.coupon.Examples.TILL;
import static com.cardcoupons.couponserver.coupon.Examples.line;
import static com.cardcoupons.couponserver.coupon.Examples.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseTest {

    private static final Duration SKEW = Duration.ofMinutes(5);

    @Test
    void anIntendedUseAtTheCallingTerminalIsAccepted() {
        Purchase purchase = of(use(TILL.storeId(), 1000, null, line("MILK", "DAIRY", 2, 300)));
        assertThat(purchase.at()).isEqualTo(NOW);
        assertThat(purchase.amount()).isEqualTo(yen(1000));
    }

    @Test
    void anIntendedUseForAnotherStoreIsForbidden() {
        assertThatThrownBy(() -> of(use(UUID.randomUUID(), 1000, null)))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException problem = (DomainException) e;
                    assertThat(problem.code()).isEqualTo("INTENDED_USE_NOT_CALLER");
                    assertThat(problem.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(problem.field()).isEqualTo("intendedUse.storeId");
                });
    }

    @Test
    void theTimeMustBeCloseToTheServersClock() {
        assertThat(of(use(TILL.storeId(), 1000, NOW.minus(Duration.ofMinutes(4)))).at()).isEqualTo(NOW.minus(Duration.ofMinutes(4)));
        assertThatThrownBy(() -> of(use(TILL.storeId(), 1000, NOW.plus(Duration.ofMinutes(6)))))
                .extracting("code").isEqualTo("OCCURRED_AT_OUT_OF_RANGE");
    }

    @Test
    void theBasketIsInTheAmountsCurrencyAndWithinIt() {
        BasketLine dollars = new BasketLine("MILK", "DAIRY", 1, Money.of(100, "USD"));
        assertThatThrownBy(() -> of(use(TILL.storeId(), 1000, null, line("A", null, 1, 1), dollars)))
                .extracting("field").isEqualTo("intendedUse.basket[1].unitPrice.currency");
        assertThatThrownBy(() -> of(use(TILL.storeId(), 1000, null, line("A", null, 3, 400))))
                .extracting("code").isEqualTo("BASKET_EXCEEDS_AMOUNT");
        assertThatThrownBy(() -> of(use(TILL.storeId(), 1000, null, line("A", null, 2, Long.MAX_VALUE / 2 + 1))))
                .extracting("code").isEqualTo("AMOUNT_TOO_LARGE");
    }

    private static Purchase of(IntendedUse use) {
        return Purchase.of(TILL, SHIBUYA, use, MediumType.CREDIT, "VISA", NOW, SKEW);
    }

    private static IntendedUse use(UUID store, long amount, Instant at, BasketLine... basket) {
        return new IntendedUse(TILL.merchantId(), store, TILL.terminalId(), yen(amount), List.of(basket), at);
    }
}
