package com.cardcoupons.model.medium;

import com.cardcoupons.model.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageMediumTokenizerTest {

    private final UsageMediumTokenizer tokenizer = new UsageMediumTokenizer(key("test-key-of-at-least-thirty-two-bytes"));

    @Test
    void theSameCardAlwaysGivesTheSameTokenWhateverItsPaymentType() {
        CardNumber card = CardNumber.parse("4111 1111 1111 1111");
        TokenizedMedium credit = tokenizer.tokenize(UsageMediumId.card(MediumType.CREDIT, card));
        TokenizedMedium debit = tokenizer.tokenize(UsageMediumId.card(MediumType.DEBIT, CardNumber.parse("4111111111111111")));
        assertThat(credit.token()).isEqualTo(debit.token());
        assertThat(credit.lastFour()).isEqualTo("1111");
        assertThat(credit.brand()).isEqualTo(CardBrand.VISA);
        assertThat(credit.token().value()).hasSize(43).doesNotContain("4111");
    }

    @Test
    void theTokenDependsOnTheKey() {
        UsageMediumId medium = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse("4111111111111111"));
        UsageMediumTokenizer otherKey = new UsageMediumTokenizer(key("another-key-of-at-least-thirty-two-bytes"));
        assertThat(tokenizer.tokenize(medium).token()).isNotEqualTo(otherKey.tokenize(medium).token());
    }

    @Test
    void loyaltyCardsAreKeyedByProgramAndMemberNumber() {
        TokenizedMedium sky = tokenizer.tokenize(UsageMediumId.membership(MediumType.MILEAGE, "SKYMILES", "00123456"));
        TokenizedMedium shop = tokenizer.tokenize(UsageMediumId.membership(MediumType.POINT, "SHOPPOINTS", "00123456"));
        assertThat(sky.token()).isNotEqualTo(shop.token());
        assertThat(sky.lastFour()).isEqualTo("3456");
        assertThat(sky.program()).isEqualTo("SKYMILES");
    }

    @Test
    void aMediumMustCarryTheIdItsTypeNeeds() {
        assertThatThrownBy(() -> new UsageMediumId(MediumType.CREDIT, null, null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("cardNumber"));
        assertThatThrownBy(() -> new UsageMediumId(MediumType.POINT, null, "SHOP", "1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_MEMBER_NUMBER"));
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new UsageMediumTokenizer(key("short"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
