package com.cardcoupons.registration.webhook;

import com.cardcoupons.registration.webhook.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing rules and the receiver's documented check, without Spring. */
class WebhookSignatureTest {

    private static final Instant SENT = Instant.parse("2026-12-07T10:15:30Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"coupon.used\"}";

    @Test
    void signsTheTimestampAndTheBodyAsStripeDoes() {
        String header = WebhookSignature.header(SENT, BODY, List.of("whsec_one"));
        assertThat(header).isEqualTo("t=" + SENT.getEpochSecond() + ",v1="
                + WebhookSignature.hmac("whsec_one", SENT.getEpochSecond() + "." + BODY));
        assertThat(header.substring(header.indexOf("v1=") + 3)).matches("[0-9a-f]{64}");
        // a known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aGenuineDeliveryWithinTheToleranceVerifies() {
        String header = WebhookSignature.header(SENT, BODY, List.of("whsec_one"));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_one", SENT.plusSeconds(299), TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_one", SENT.minusSeconds(60), TOLERANCE)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aReplayedOldTimestampIsRefusedThoughItsSignatureIsGenuine() {
        String header = WebhookSignature.header(SENT, BODY, List.of("whsec_one"));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_one", SENT.plusSeconds(301), TOLERANCE))
                .isEqualTo(Verdict.TIMESTAMP_OUTSIDE_TOLERANCE);
    }

    @Test
    void aChangedBodyTimestampOrSecretDoesNotVerify() {
        String header = WebhookSignature.header(SENT, BODY, List.of("whsec_one"));
        assertThat(WebhookSignature.verify(header, BODY + " ", "whsec_one", SENT, TOLERANCE)).isEqualTo(Verdict.SIGNATURE_MISMATCH);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_two", SENT, TOLERANCE)).isEqualTo(Verdict.SIGNATURE_MISMATCH);
        String moved = header.replace("t=" + SENT.getEpochSecond(), "t=" + (SENT.getEpochSecond() + 1));
        assertThat(WebhookSignature.verify(moved, BODY, "whsec_one", SENT, TOLERANCE)).isEqualTo(Verdict.SIGNATURE_MISMATCH);
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String header = WebhookSignature.header(SENT, BODY, List.of("whsec_new", "whsec_old"));
        assertThat(header.split(",")).hasSize(3);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_new", SENT, TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_old", SENT, TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(header, BODY, "whsec_other", SENT, TOLERANCE)).isEqualTo(Verdict.SIGNATURE_MISMATCH);
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "t=abc,v1=00", "v1=00", "t=1", "t=1,v1"}) {
            assertThat(WebhookSignature.verify(header, BODY, "whsec_one", SENT, TOLERANCE)).as(header).isEqualTo(Verdict.MALFORMED);
        }
        assertThatThrownBy(() -> WebhookSignature.header(SENT, BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
