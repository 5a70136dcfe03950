package com.cardcoupons.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetTest {

    private final Dataset dataset = new Dataset(1_000, 2_000);

    @Test
    void cardNumbersAreValidAndDistinct() {
        Set<String> numbers = new HashSet<>();
        IntStream.range(0, 2_000).forEach(card -> {
            String number = Dataset.cardNumber(card);
            assertThat(number).hasSize(16).startsWith("4");
            assertThat(Dataset.luhn(number)).isTrue();
            numbers.add(number);
        });
        assertThat(numbers).hasSize(2_000);
    }

    @Test
    void couponCodesFitTheSchemasPatternAndAreDistinct() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 100_000).forEach(coupon -> codes.add(Dataset.code(coupon)));
        assertThat(codes).hasSize(100_000).allMatch(code -> code.matches("[A-Z2-9]{16}"));
    }

    @Test
    void aCardsCouponsAreSpreadOverCampaignsOfEveryMerchant() {
        Set<Integer> campaigns = new HashSet<>();
        Set<Integer> merchants = new HashSet<>();
        for (int coupon = 7; coupon < 10 * 2_000; coupon += 2_000) {
            assertThat(dataset.cardOf(coupon)).isEqualTo(7);
            campaigns.add(dataset.campaignOf(coupon));
            merchants.add(Dataset.merchantOf(dataset.campaignOf(coupon)));
        }
        assertThat(campaigns).hasSize(10);
        assertThat(merchants.size()).isGreaterThan(3);
    }
}
