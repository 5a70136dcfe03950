package com.cardcoupons.console.campaign;

import com.cardcoupons.console.gateway.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TermsFormTest {

    private static TermsForm form(String percent, String cap, String minSpend) {
        return new TermsForm("TEA5", "5% off tea", "", "DISCOUNT", "PERCENTAGE", percent, "", cap, "FREE_ITEM", "", "JPY",
                "Asia/Tokyo", "2026-12-01T00:00", "2026-12-31T00:00", minSpend, List.of("CREDIT"), "", "1", "STACKABLE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void percentagesBecomeBasisPointsAndAmountsMinorUnits() {
        List<ApiProblem.FieldError> mistakes = TermsForm.noMistakes();
        Map<String, Object> terms = form("12.5", "500", "1,000").terms(mistakes);

        assertThat(mistakes).isEmpty();
        Map<String, Object> discount = (Map<String, Object>) terms.get("discount");
        assertThat(discount).containsEntry("basisPoints", 1250L);
        assertThat(discount.get("cap")).isEqualTo(Map.of("amountMinor", 500L, "currency", "JPY"));
        assertThat(terms.get("minSpend")).isEqualTo(Map.of("amountMinor", 1000L, "currency", "JPY"));
        assertThat(form("12.5", "500", "").offer()).isEqualTo("12.5% off, up to JPY 500");
    }

    @Test
    void whatCannotBeReadIsAMistakeOnItsInput() {
        List<ApiProblem.FieldError> mistakes = TermsForm.noMistakes();
        form("12.555", "five hundred", "10.5").terms(mistakes);
        assertThat(mistakes).extracting(ApiProblem.FieldError::field).containsExactly("percent", "cap", "minSpend");
    }

    @Test
    void theApisFieldsAreMappedOntoTheInputs() {
        assertThat(TermsForm.inputOf("terms.discount.basisPoints")).isEqualTo("percent");
        assertThat(TermsForm.inputOf("terms.discount.cap.amountMinor")).isEqualTo("cap");
        assertThat(TermsForm.inputOf("terms.validUntil")).isEqualTo("validUntil");
        assertThat(TermsForm.inputOf("validUntil")).isEqualTo("validUntil");
        assertThat(TermsForm.inputOf("terms.acceptedMedia[0]")).isEqualTo("acceptedMedia");
        assertThat(TermsForm.inputOf("terms.minSpend.currency")).isEqualTo("minSpend");
    }

    @Test
    void termsReadBackIntoTheSameForm() {
        List<ApiProblem.FieldError> mistakes = TermsForm.noMistakes();
        TermsForm typed = form("12.5", "500", "1000");
        TermsForm read = TermsForm.of(typed.terms(mistakes));
        assertThat(read.percent()).isEqualTo("12.5");
        assertThat(read.cap()).isEqualTo("500");
        assertThat(read.minSpend()).isEqualTo("1000");
        assertThat(read.acceptedMedia()).containsExactly("CREDIT");
    }
}
