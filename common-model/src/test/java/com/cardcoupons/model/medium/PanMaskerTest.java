package com.cardcoupons.model.medium;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PanMaskerTest {

    @Test
    void masksCardNumbersInFreeTextKeepingTheLastFour() {
        String masked = PanMasker.mask("card 4111 1111 1111 1111 and 5555-5555-5555-4444 declined");
        assertThat(masked).isEqualTo("card [PAN ****1111] and [PAN ****4444] declined");
    }

    @Test
    void masksInsideJson() {
        assertThat(PanMasker.mask("{\"cardNumber\":\"4111111111111111\"}")).isEqualTo("{\"cardNumber\":\"[PAN ****1111]\"}");
    }

    @Test
    void leavesNumbersThatAreNotCardNumbersAlone() {
        assertThat(PanMasker.mask("order 4111111111111112 of 12 items")).isEqualTo("order 4111111111111112 of 12 items");
        assertThat(PanMasker.mask("id 123456")).isEqualTo("id 123456");
    }

    @Test
    void leavesUuidsWholeEvenWhenTheirDigitGroupsPassForACardNumber() {
        String correlationId = "1f216126-24ec-4123-8123-123454d12c97";
        assertThat(PanMasker.mask("4123-8123-123454")).as("the same digits alone").isEqualTo("[PAN ****3454]");
        assertThat(PanMasker.mask("{\"correlationId\":\"" + correlationId + "\"}"))
                .isEqualTo("{\"correlationId\":\"" + correlationId + "\"}");
        assertThat(PanMasker.mask("request " + correlationId.toUpperCase() + " card 4111111111111111"))
                .isEqualTo("request " + correlationId.toUpperCase() + " card [PAN ****1111]");
    }

    @Test
    void masksTheCardNumberAloneNotTheNumbersNextToIt() {
        assertThat(PanMasker.mask("GET /cards/4111 1111 1111 1111 200 12ms")).isEqualTo("GET /cards/[PAN ****1111] 200 12ms");
        assertThat(PanMasker.mask("GET /cards/4111111111111111 404 7ms")).isEqualTo("GET /cards/[PAN ****1111] 404 7ms");
        assertThat(PanMasker.mask("9 4111-1111-1111-1111 7")).isEqualTo("9 [PAN ****1111] 7");
        assertThat(PanMasker.mask("3782 822463 10005 and 4000 0566 5566 5556 303"))
                .as("Amex grouping, and a 19-digit neighbour that would pass for a number only with its status")
                .isEqualTo("[PAN ****0005] and [PAN ****5556] 303");
    }

    @Test
    void aNumberTooLongToBeACardIsNotOneAtAnyOffset() {
        assertThat(PanMasker.mask("12345678901234567890123")).isEqualTo("12345678901234567890123");
    }
}
