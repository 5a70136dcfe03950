package com.cardcoupons.registration.webhook;

import com.cardcoupons.registration.RegistrationApiApplication;
import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.registration.webhook.WebhookReceiver.Received;
import com.cardcoupons.registration.webhook.WebhookReceiver.Status;
import com.cardcoupons.registration.webhook.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event is lost when the service that delivers webhooks stops mid-retry and starts again: this class's own
 * application records the events (its dispatcher never runs), and separate instances of registration-api on the same
 * database deliver them, the first stopped while every delivery is failing, the second started afterwards.
 */
@TestPropertySource(properties = {"coupons.webhooks.allow-loopback-http=true", "coupons.webhooks.poll-interval=1h"})
class WebhookRestartTest extends RegistrationApiTest {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void pendingDeliveriesSurviveARestartOfTheDispatcher() throws Exception {
        Status[] failures = new Status[1_000];
        Arrays.fill(failures, new Status(503));
        try (WebhookReceiver receiver = new WebhookReceiver().then(failures)) {
            Map<String, Object> endpoint = TermsJson.map("url", receiver.url(), "eventTypes",
                    List.of("campaign.submitted", "campaign.approved", "coupon.acquired"));
            var registered = sakura.post("/api/v1/webhooks/endpoints", endpoint, key());
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String secret = registered.json().path("secret").asString();
            UUID campaign = approved(TermsJson.discount(), null);
            assertThat(acquire(app, campaign, credit(VISA)).status()).isEqualTo(201);
            long events = count("select count(*) from registration_event where merchant_id = ?", SAKURA_MART);
            assertThat(events).isEqualTo(3);

            try (ConfigurableApplicationContext first = dispatcher()) {
                await(() -> count("select count(*) from webhook_delivery where attempts >= 2") == events, Duration.ofSeconds(60));
            }
            int requestsWhenStopped = receiver.requests();
            assertThat(receiver.acknowledged()).isEmpty();
            assertThat(count("select count(*) from webhook_delivery where state = 'PENDING'")).isEqualTo(events);
            Thread.sleep(500);
            assertThat(receiver.requests()).as("nothing sends while no dispatcher runs").isEqualTo(requestsWhenStopped);

            receiver.recover();
            try (ConfigurableApplicationContext second = dispatcher()) {
                await(() -> count("select count(*) from webhook_delivery where state = 'DELIVERED'") == events, Duration.ofSeconds(60));
            }
            List<Received> received = receiver.acknowledged();
            assertThat(received).extracting(Received::eventId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jdbc.sql("select id::text from registration_event where merchant_id = ?")
                            .param(SAKURA_MART).query(String.class).list());
            assertThat(received).allSatisfy(delivery -> assertThat(WebhookSignature.verify(delivery.signature(), delivery.body(),
                    secret, Instant.now(), Duration.ofMinutes(5))).isEqualTo(Verdict.VALID));
        }
    }

    /** Another instance of registration-api on this test's database, delivering webhooks with short timings. */
    private ConfigurableApplicationContext dispatcher() {
        // as arguments, which outrank the application's configuration (default properties would not)
        return new SpringApplicationBuilder(RegistrationApiApplication.class).run(
                "--spring.datasource.url=" + databaseUrl,
                "--server.port=0",
                "--coupons.webhooks.allow-loopback-http=true",
                "--coupons.webhooks.poll-interval=100ms",
                "--coupons.webhooks.first-retry=100ms",
                "--coupons.webhooks.max-retry=200ms",
                "--coupons.webhooks.read-timeout=1s",
                "--coupons.webhooks.lease=2s");
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + atMost).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
