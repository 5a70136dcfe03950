package com.cardcoupons.registration.webhook;

import com.cardcoupons.model.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backoff, giving up, endpoint addresses and sealed secrets, without Spring. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void theDelayDoublesFromTheFirstRetryUpToTheLongest() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.backoff(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeliveryIsRetriedUntilADayAfterItsEventThenGivenUp() {
        Instant event = Instant.parse("2026-12-07T00:00:00Z");
        Instant giveUp = policy.giveUpAt(event);
        assertThat(giveUp).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(policy.nextAttempt(1, event, giveUp)).contains(event.plusSeconds(10));
        assertThat(policy.nextAttempt(20, giveUp.minus(Duration.ofHours(1)), giveUp)).contains(giveUp);
        assertThat(policy.nextAttempt(20, giveUp.minus(Duration.ofMinutes(59)), giveUp)).isEmpty();
        // a day of doubling up to an hour: about 30 attempts, then failed
        Instant now = event;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = policy.nextAttempt(attempts, now, giveUp);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }
        assertThat(attempts).isBetween(25, 40);
    }

    @Test
    void anEndpointIsHttpsOrPlainHttpToLoopbackWhereAllowed() {
        assertThat(EndpointUrl.parse("https://hooks.example.com/coupons", false).toString()).isEqualTo("https://hooks.example.com/coupons");
        assertThat(EndpointUrl.parse("http://127.0.0.1:9000/hooks", true).toString()).isEqualTo("http://127.0.0.1:9000/hooks");
        assertThat(EndpointUrl.parse("http://localhost:9000/hooks", true).uri().getPort()).isEqualTo(9000);
        assertThat(EndpointUrl.parse("http://[::1]:9000/hooks", true).uri().getPort()).isEqualTo(9000);
        assertRefused("http://127.0.0.1:9000/hooks", false, "WEBHOOK_URL_NOT_PUBLIC");
        assertRefused("http://hooks.example.com/coupons", true, "WEBHOOK_URL_NOT_HTTPS");
        assertRefused("http://10.0.0.1/hooks", true, "WEBHOOK_URL_NOT_PUBLIC");
        assertRefused("https://10.0.0.1/hooks", true, "WEBHOOK_URL_NOT_PUBLIC");
        assertRefused("https://[::ffff:169.254.169.254]/", true, "WEBHOOK_URL_NOT_PUBLIC");
        assertRefused("https://8.8.8.8:25/hooks", false, "WEBHOOK_URL_PORT_NOT_ALLOWED");
        assertThat(EndpointUrl.parse("https://8.8.8.8:8443/hooks", false).uri().getPort()).isEqualTo(8443);
        assertThat(EndpointUrl.parse("https://8.8.8.8:443/hooks", false).uri().getPort()).isEqualTo(443);
        assertRefused("ftp://hooks.example.com/", true, "WEBHOOK_URL_NOT_HTTPS");
        assertRefused("https://user:pw@hooks.example.com/", false, "INVALID_URL");
        assertRefused("/relative", false, "INVALID_URL");
        assertRefused("https://exa mple.com", false, "INVALID_URL");
        assertRefused(" ", false, "FIELD_REQUIRED");
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKey() {
        SecretBox box = new SecretBox("k".repeat(32));
        String secret = SecretBox.newSecret();
        assertThat(secret).startsWith("whsec_").hasSize(6 + 43);
        byte[] sealed = box.seal(secret);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));
        assertThat(box.seal(secret)).isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> new SecretBox("x".repeat(32)).open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String url, boolean allowLoopbackHttp, String code) {
        assertThatThrownBy(() -> EndpointUrl.parse(url, allowLoopbackHttp)).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo("url");
        });
    }
}
