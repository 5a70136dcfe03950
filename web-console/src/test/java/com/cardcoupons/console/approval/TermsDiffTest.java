package com.cardcoupons.console.approval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TermsDiffTest {

    @Test
    void nestedFieldsAreComparedByPathAndOnlyRealChangesAreMarked() {
        Map<String, Object> live = Map.of("title", "10% off", "discount", Map.of("type", "PERCENTAGE", "basisPoints", 1000),
                "acceptedMedia", List.of("CREDIT"));
        Map<String, Object> submitted = Map.of("title", "10% off", "discount", Map.of("type", "PERCENTAGE", "basisPoints", 1500),
                "acceptedMedia", List.of("CREDIT", "DEBIT"), "minSpend", Map.of("amountMinor", 1000, "currency", "JPY"));

        TermsDiff diff = TermsDiff.between(live, submitted);

        assertThat(diff.lines()).filteredOn(TermsDiff.Line::changed).extracting(TermsDiff.Line::field)
                .containsExactlyInAnyOrder("discount.basisPoints", "acceptedMedia", "minSpend.amountMinor", "minSpend.currency");
        assertThat(diff.lines()).filteredOn(line -> line.field().equals("acceptedMedia")).singleElement()
                .satisfies(line -> {
                    assertThat(line.live()).isEqualTo("CREDIT");
                    assertThat(line.submitted()).isEqualTo("CREDIT, DEBIT");
                });
        assertThat(diff.changes()).isEqualTo(4);
    }

    @Test
    void withNothingLiveEveryFieldIsNew() {
        TermsDiff diff = TermsDiff.between(Map.of(), Map.of("title", "New"));
        assertThat(diff.lines()).containsExactly(new TermsDiff.Line("title", null, "New"));
    }
}
