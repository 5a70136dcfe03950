package com.cardcoupons.model.medium;

import com.cardcoupons.model.problem.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardNumberTest {

    @ParameterizedTest
    @CsvSource({
            "4111111111111111, VISA",
            "5555 5555 5555 4444, MASTERCARD",
            "2223003122003222, MASTERCARD",
            "378282246310005, AMEX",
            "3530-1113-3330-0000, JCB",
            "6011111111111117, DISCOVER",
            "36227206271667, DINERS",
            "6200000000000005, UNIONPAY"
    })
    void acceptsValidNumbersAndTellsTheBrand(String pan, CardBrand brand) {
        CardNumber card = CardNumber.parse(pan);
        assertThat(card.brand()).isEqualTo(brand);
        assertThat(card.lastFour()).isEqualTo(pan.replaceAll("[ -]", "").substring(pan.replaceAll("[ -]", "").length() - 4));
    }

    @Test
    void rejectsAFailedLuhnCheck() {
        assertThatThrownBy(() -> CardNumber.parse("4111111111111112"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"41111111111", "41111111111111111111", "4111x11111111111"})
    void rejectsWrongLengthsAndNonDigits(String pan) {
        assertThatThrownBy(() -> CardNumber.parse(pan))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CARD_NUMBER"));
    }

    @Test
    void neverShowsTheNumberInItsTextForm() {
        assertThat(CardNumber.parse("4111111111111111").toString()).doesNotContain("411111").contains("1111");
        assertThat(UsageMediumId.card(MediumType.CREDIT, CardNumber.parse("4111111111111111")).toString())
                .doesNotContain("41111111");
    }
}
