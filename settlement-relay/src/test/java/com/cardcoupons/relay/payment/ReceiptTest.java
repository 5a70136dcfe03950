package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

    @Test
    void amountsAreWrittenInTheCurrencysOwnMinorUnitWithoutFloatingPoint() {
        assertThat(Receipt.format(Money.of(1_234_567, "JPY"))).isEqualTo("JPY 1,234,567");
        assertThat(Receipt.format(Money.of(123_456, "USD"))).isEqualTo("USD 1,234.56");
        assertThat(Receipt.format(Money.of(5, "USD"))).isEqualTo("USD 0.05");
        assertThat(Receipt.format(Money.of(1_234, "BHD"))).isEqualTo("BHD 1.234");
        assertThat(Receipt.format(Money.of(9_007_199_254_740_993L, "JPY")))
                .as("beyond a double's precision").isEqualTo("JPY 9,007,199,254,740,993");
    }
}
