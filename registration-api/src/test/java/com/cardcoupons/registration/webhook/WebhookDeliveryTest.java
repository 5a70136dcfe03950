package com.cardcoupons.registration.webhook;

import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.registration.webhook.WebhookReceiver.Hang;
import com.cardcoupons.registration.webhook.WebhookReceiver.Received;
import com.cardcoupons.registration.webhook.WebhookReceiver.Status;
import com.cardcoupons.registration.webhook.WebhookSignature.Verdict;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end over real HTTP and PostgreSQL: events recorded with their changes (by registration-api, and by
 * coupon-server and the relay in their own logs, written here as they write them) reach a receiver on loopback that
 * fails, times out and recovers; every delivery is signed and verifies by the documented check; a dispatcher that
 * stops mid-send loses nothing; a merchant manages only its own endpoints.
 */
@TestPropertySource(properties = {
        "coupons.webhooks.allow-loopback-http=true",
        "coupons.webhooks.poll-interval=100ms",
        "coupons.webhooks.first-retry=200ms",
        "coupons.webhooks.max-retry=400ms",
        "coupons.webhooks.max-age=10s",
        "coupons.webhooks.read-timeout=700ms",
        "coupons.webhooks.lease=2s",
        "coupons.webhooks.rotation-grace=1h"})
class WebhookDeliveryTest extends RegistrationApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final UUID SAKURA_TILL = UUID.fromString("a0000000-0000-4000-8000-000000000111");

    @Autowired
    Deliveries deliveries;

    @Test
    void everyEventArrivesSignedThoughTheReceiverFailsAndTimesOutFirst() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().then(new Status(503), new Hang(1_500), new Status(500))) {
            Reply registered = sakura.post("/api/v1/webhooks/endpoints", Map.of("url", receiver.url(), "eventTypes",
                    List.of("campaign.submitted", "campaign.approved", "coupon.acquired", "coupon.used",
                            "coupon.use_reversed", "payment.coupon_applied")), key());
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String secret = registered.json().path("secret").asString();
            UUID endpoint = UUID.fromString(registered.json().path("id").asString());
            assertThat(secret).startsWith("whsec_");
            assertThat(sakura.get("/api/v1/webhooks/endpoints/" + endpoint).json().has("secret")).isFalse();
            assertThat(count("select count(*) from webhook_endpoint where position(convert_to(?, 'UTF8') in secret) > 0",
                    secret.substring(6))).as("stored encrypted").isZero();

            UUID campaign = approved(TermsJson.discount(), null);
            Reply coupon = acquire(app, campaign, credit(VISA));
            assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
            UUID couponId = jdbc.sql("select id from coupon where campaign_id = ?").param(campaign).query(UUID.class).single();
            coupenServerUsesAndReverses(campaign, couponId);
            UUID payment = relayAppliesACoupon();

            Set<String> types = Set.of("campaign.submitted", "campaign.approved", "coupon.acquired", "coupon.used",
                    "coupon.use_reversed", "payment.coupon_applied");
            await(() -> receivedTypes(receiver).containsAll(types), Duration.ofSeconds(60));

            List<Received> received = receiver.acknowledged();
            assertThat(received).extracting(Received::eventId).doesNotHaveDuplicates();
            for (Received delivery : received) {
                JsonNode body = JSON.readTree(delivery.body());
                assertThat(body.path("id").asString()).isEqualTo(delivery.eventId());
                assertThat(body.path("merchantId").asString()).isEqualTo(SAKURA_MART.toString());
                assertThat(WebhookSignature.verify(delivery.signature(), delivery.body(), secret, Instant.now(), TOLERANCE))
                        .as(delivery.body()).isEqualTo(Verdict.VALID);
                assertThat(delivery.body()).doesNotContain(VISA.replace(" ", "")).doesNotContain("4111 1111")
                        .doesNotContain(cardToken());
            }
            Received first = received.get(0);
            // a delivery captured and replayed later is refused by the timestamp check, its signature genuine
            assertThat(WebhookSignature.verify(first.signature(), first.body(), secret, Instant.now().plus(Duration.ofMinutes(6)),
                    TOLERANCE)).isEqualTo(Verdict.TIMESTAMP_OUTSIDE_TOLERANCE);
            assertThat(WebhookSignature.verify(first.signature(), first.body().replace("}", " }"), secret, Instant.now(),
                    TOLERANCE)).isEqualTo(Verdict.SIGNATURE_MISMATCH);

            JsonNode used = bodyOf(received, "coupon.used");
            assertThat(used.path("data").path("couponId").asString()).isEqualTo(couponId.toString());
            assertThat(used.path("data").path("discount").path("amountMinor").asLong()).isEqualTo(300);
            assertThat(used.path("data").path("discount").path("currency").asString()).isEqualTo("JPY");
            JsonNode applied = bodyOf(received, "payment.coupon_applied");
            assertThat(applied.path("data").path("paymentId").asString()).isEqualTo(payment.toString());
            assertThat(applied.path("data").path("discount").path("amountMinor").asLong()).isEqualTo(300);
            assertThat(applied.path("data").path("card").path("lastFour").asString()).isEqualTo("1111");
            assertThat(bodyOf(received, "coupon.acquired").path("data").path("medium").path("brand").asString()).isEqualTo("VISA");

            // the delivery log: the first attempts failed (503, a timeout, 500), then every delivery was acknowledged
            JsonNode log = sakura.get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries").json().path("deliveries");
            assertThat(log).allSatisfy(entry -> assertThat(entry.path("state").asString()).isEqualTo("DELIVERED"));
            List<JsonNode> attempts = StreamSupport.stream(log.spliterator(), false)
                    .flatMap(entry -> StreamSupport.stream(entry.path("attemptLog").spliterator(), false)).toList();
            assertThat(attempts).anySatisfy(attempt -> assertThat(attempt.path("statusCode").asInt()).isEqualTo(503));
            assertThat(attempts).anySatisfy(attempt -> assertThat(attempt.path("error").asString()).containsIgnoringCase("timed out"));
            assertThat(attempts).anySatisfy(attempt -> assertThat(attempt.path("statusCode").asInt()).isEqualTo(204));
            assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.path("latencyMs").asLong()).isNotNegative());
            assertThat(receiver.requests()).isEqualTo(received.size() + 3);
        }
    }

    @Test
    void aCampaignsBudgetRunningOutReachesAnEndpointSubscribedToItWithoutCardData() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = sakura.post("/api/v1/webhooks/endpoints", Map.of("url", receiver.url(), "eventTypes",
                    List.of("campaign.budget_exhausted")), key()).json().path("secret").asString();
            UUID campaign = approved(TermsJson.discount(), null);
            Reply coupon = acquire(app, campaign, credit(VISA));
            assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
            coupenServerRunsTheBudgetOut(campaign, "DAILY_LIMIT_REACHED", "2026-12-07");
            coupenServerRunsTheBudgetOut(campaign, "CAMPAIGN_BUDGET_EXHAUSTED", null);

            await(() -> receiver.acknowledged().size() >= 2, Duration.ofSeconds(30));
            List<Received> received = receiver.acknowledged();
            assertThat(received).hasSize(2).extracting(Received::eventId).doesNotHaveDuplicates();
            for (Received delivery : received) {
                JsonNode body = JSON.readTree(delivery.body());
                assertThat(body.path("type").asString()).isEqualTo("campaign.budget_exhausted");
                assertThat(body.path("merchantId").asString()).as("the campaign's merchant").isEqualTo(SAKURA_MART.toString());
                assertThat(body.path("data").path("campaignId").asString()).isEqualTo(campaign.toString());
                assertThat(WebhookSignature.verify(delivery.signature(), delivery.body(), secret, Instant.now(), TOLERANCE))
                        .isEqualTo(Verdict.VALID);
                assertThat(delivery.body()).doesNotContain(cardToken()).doesNotContain("reservation").doesNotContain("terminal");
            }
            assertThat(received).extracting(delivery -> JSON.readTree(delivery.body()).path("data"))
                    .extracting(data -> data.path("code").asString() + " " + data.path("periodStart"))
                    .containsExactlyInAnyOrder("DAILY_LIMIT_REACHED \"2026-12-07\"", "CAMPAIGN_BUDGET_EXHAUSTED null");
        }
    }

    @Test
    void noEventIsLostWhenADispatcherStopsMidRetry() throws Exception {
        Status[] failures = new Status[500];
        java.util.Arrays.fill(failures, new Status(503));
        try (WebhookReceiver receiver = new WebhookReceiver().then(failures)) {
            UUID endpoint = register(sakura, receiver.url(), "campaign.submitted", "campaign.approved");
            approved(TermsJson.discount(), null);
            approved(TermsJson.benefit(), null);
            await(() -> count("select count(*) from webhook_delivery where endpoint_id = ? and attempts > 0", endpoint) == 4,
                    Duration.ofSeconds(30));
            // another instance takes the deliveries due next under its lease and stops before sending: a crash mid-retry
            List<Deliveries.Claimed> abandoned = deliveries.claimDue(100, Instant.now().plusSeconds(1), Duration.ofSeconds(2));
            assertThat(abandoned).isNotEmpty();
            receiver.recover();
            await(() -> receiver.acknowledged().size() >= 4, Duration.ofSeconds(30));
            assertThat(receiver.acknowledged()).extracting(Received::eventId)
                    .containsAll(abandoned.stream().map(claimed -> claimed.eventId().toString()).toList());
            assertThat(receiver.acknowledged()).extracting(Received::eventId).doesNotHaveDuplicates().hasSize(4);
            await(() -> count("select count(*) from webhook_delivery where endpoint_id = ? and state = 'DELIVERED'", endpoint) == 4,
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void aDeliveryFailedAfterItsRetriesIsRedeliveredByHand() throws Exception {
        Status[] failures = new Status[200];
        java.util.Arrays.fill(failures, new Status(500));
        try (WebhookReceiver receiver = new WebhookReceiver().then(failures)) {
            UUID endpoint = register(sakura, receiver.url(), "campaign.submitted");
            submitted(TermsJson.discount(), null);
            await(() -> count("select count(*) from webhook_delivery where endpoint_id = ? and state = 'FAILED'", endpoint) == 1,
                    Duration.ofSeconds(60));
            JsonNode failed = sakura.get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries?state=FAILED").json()
                    .path("deliveries").get(0);
            assertThat(failed.path("attempts").asInt()).isGreaterThan(1);
            assertThat(failed.path("lastError").asString()).isEqualTo("HTTP 500");
            String delivery = failed.path("id").asString();
            String redeliver = "/api/v1/webhooks/endpoints/" + endpoint + "/deliveries/" + delivery + "/redeliver";

            assertThat(harbor.post(redeliver, null, key()).code()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
            receiver.recover();
            Reply again = sakura.post(redeliver, null, key());
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            await(() -> receiver.acknowledged().size() == 1, Duration.ofSeconds(30));
            assertThat(receiver.acknowledged().get(0).eventId()).isEqualTo(failed.path("eventId").asString());
            await(() -> count("select count(*) from webhook_delivery where id = ?::uuid and state = 'DELIVERED'", delivery) == 1,
                    Duration.ofSeconds(10));
            Reply twice = sakura.post(redeliver, null, key());
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("DELIVERY_NOT_FAILED");
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneDuringItsGracePeriod() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Reply registered = sakura.post("/api/v1/webhooks/endpoints",
                    Map.of("url", receiver.url(), "eventTypes", List.of("campaign.submitted")), key());
            String old = registered.json().path("secret").asString();
            String endpoint = registered.json().path("id").asString();
            Reply rotated = sakura.post("/api/v1/webhooks/endpoints/" + endpoint + "/rotate-secret", null, key());
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            String fresh = rotated.json().path("secret").asString();
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
            assertThat(rotated.json().path("previousSecretValidUntil").isNull()).isFalse();

            submitted(TermsJson.discount(), null);
            await(() -> receiver.acknowledged().size() == 1, Duration.ofSeconds(30));
            Received delivery = receiver.acknowledged().get(0);
            assertThat(delivery.signature().split(",v1=")).hasSize(3);
            assertThat(WebhookSignature.verify(delivery.signature(), delivery.body(), fresh, Instant.now(), TOLERANCE)).isEqualTo(Verdict.VALID);
            assertThat(WebhookSignature.verify(delivery.signature(), delivery.body(), old, Instant.now(), TOLERANCE)).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aMerchantManagesOnlyItsOwnEndpointsAndOperatorsSeeAll() {
        UUID endpoint = register(sakura, "https://hooks.sakura.example/coupons", "coupon.used");
        String path = "/api/v1/webhooks/endpoints/" + endpoint;
        assertThat(harbor.get(path).code()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
        assertThat(harbor.send("PATCH", path, Map.of("eventTypes", List.of("coupon.acquired")), Map.of("Idempotency-Key", key())).status())
                .isEqualTo(404);
        assertThat(harbor.send("DELETE", path, null, Map.of("Idempotency-Key", key())).status()).isEqualTo(404);
        assertThat(harbor.post(path + "/rotate-secret", null, key()).status()).isEqualTo(404);
        assertThat(harbor.get(path + "/deliveries").status()).isEqualTo(404);
        assertThat(harbor.get("/api/v1/webhooks/endpoints").json().path("endpoints")).isEmpty();
        assertThat(alice.get(path).code()).isEqualTo("ROLE_NOT_PERMITTED");

        var operator = anonymous().as(signedAs(new com.cardcoupons.platform.identity.CallerIdentity("ops:yuki",
                com.cardcoupons.platform.identity.Role.PLATFORM_ADMIN, null, null, null, null)));
        assertThat(operator.get(path).json().path("merchantId").asString()).isEqualTo(SAKURA_MART.toString());
        Reply forHarbor = operator.post("/api/v1/webhooks/endpoints", Map.of("merchantId", HARBOR_CAFE,
                "url", "https://hooks.harbor.example/", "eventTypes", List.of("coupon.acquired")), key());
        assertThat(forHarbor.status()).as(forHarbor.toString()).isEqualTo(201);
        assertThat(harbor.get("/api/v1/webhooks/endpoints").json().path("endpoints")).hasSize(1);

        Reply changed = sakura.send("PATCH", path, Map.of("eventTypes", List.of("coupon.used", "coupon.use_reversed"),
                "description", "till events"), Map.of("Idempotency-Key", key()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("eventTypes")).hasSize(2);
        assertThat(changed.json().path("url").asString()).isEqualTo("https://hooks.sakura.example/coupons");
        assertThat(sakura.send("DELETE", path, null, Map.of("Idempotency-Key", key())).status()).isEqualTo(204);
        assertThat(sakura.get(path).status()).isEqualTo(404);
    }

    @Test
    void badEndpointsAreRefusedByFieldAndNothingIsWritten() {
        long before = count("select count(*) from webhook_endpoint");
        assertRefused(Map.of("url", "http://hooks.example.com/", "eventTypes", List.of("coupon.used")), 400,
                "WEBHOOK_URL_NOT_HTTPS", "url");
        assertRefused(Map.of("url", "not a url", "eventTypes", List.of("coupon.used")), 400, "INVALID_URL", "url");
        assertRefused(Map.of("eventTypes", List.of("coupon.used")), 400, "FIELD_REQUIRED", "url");
        assertRefused(Map.of("url", "https://hooks.example.com/", "eventTypes", List.of()), 400, "FIELD_REQUIRED", "eventTypes");
        assertRefused(Map.of("url", "https://hooks.example.com/", "eventTypes", List.of("coupon.used", "coupon.eaten")), 400,
                "UNKNOWN_EVENT_TYPE", "eventTypes[1]");
        assertRefused(Map.of("url", "https://hooks.example.com/", "eventTypes", List.of("coupon.used", "coupon.used")), 400,
                "DUPLICATE_VALUE", "eventTypes[1]");
        assertRefused(Map.of("merchantId", HARBOR_CAFE, "url", "https://hooks.example.com/", "eventTypes", List.of("coupon.used")),
                403, "OTHER_MERCHANT", null);
        Reply keyless = sakura.post("/api/v1/webhooks/endpoints", Map.of("url", "https://hooks.example.com/",
                "eventTypes", List.of("coupon.used")));
        assertThat(keyless.status()).isEqualTo(400);
        assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(before);
    }

    private void assertRefused(Map<String, Object> body, int status, String code, String field) {
        Reply reply = sakura.post("/api/v1/webhooks/endpoints", body, key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().path("field").asString()).isEqualTo(field);
        }
    }

    private UUID register(com.cardcoupons.testsupport.ApiCaller merchant, String url, String... types) {
        Reply reply = merchant.post("/api/v1/webhooks/endpoints", Map.of("url", url, "eventTypes", List.of(types)), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    /** coupon-server's usage log, as its use and reversal statements append it (as the schema's owner here). */
    private void coupenServerUsesAndReverses(UUID campaign, UUID coupon) {
        UUID reservation = UUID.randomUUID();
        for (String type : List.of("CONFIRMED", "REVERSED")) {
            jdbc.sql("""
                            insert into usage_event (type, campaign_id, coupon_id, reservation_id, card_token, medium_type,
                                                     merchant_id, store_id, currency, amount_minor, discount_minor)
                            values (?, ?, ?, ?, ?, 'CREDIT', ?, ?, 'JPY', 3000, 300)""")
                    .params(type, campaign, coupon, reservation, cardToken(), SAKURA_MART, SAKURA_SHIBUYA).update();
        }
    }

    /** coupon-server's usage log, as a use's statement appends a campaign-wide limit it ran out (as the schema's owner here). */
    private void coupenServerRunsTheBudgetOut(UUID campaign, String code, String periodStart) {
        jdbc.sql("""
                        insert into usage_event (type, campaign_id, reservation_id, card_token, merchant_id, store_id,
                                                 terminal_id, budget_limit, budget_period_start)
                        values ('BUDGET_EXHAUSTED', ?, ?, ?, ?, ?, ?, ?, cast(? as date))""")
                .params(campaign, UUID.randomUUID(), cardToken(), SAKURA_MART, SAKURA_SHIBUYA, SAKURA_TILL, code, periodStart)
                .update();
    }

    /** settlement-relay's payment and its journal's answer, charged less than asked: a coupon applied. */
    private UUID relayAppliesACoupon() {
        UUID payment = UUID.randomUUID();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, 'TILL-9') on conflict do nothing")
                .params(SAKURA_TILL, SAKURA_MART, SAKURA_SHIBUYA).update();
        jdbc.sql("""
                        insert into payment (id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id,
                                             request_fingerprint, card_token, card_type, card_brand, card_last_four, currency,
                                             amount_minor, state, charged_minor, authorization_code, outcome, received_at,
                                             deadline_at, answered_at, idempotency_key)
                        values (?, ?, ?, ?, 'till:sakura-9', 'tx-1', repeat('a', 64), ?, 'CREDIT', 'VISA', '1111', 'JPY',
                                3000, 'APPROVED', 2700, 'A1B2C3', '{}', now(), now() + interval '1 minute', now(), 'key-1')""")
                .params(payment, SAKURA_MART, SAKURA_SHIBUYA, SAKURA_TILL, cardToken()).update();
        jdbc.sql("insert into settlement_journal (payment_id, step, currency, amount_minor) values (?, 'PAYMENT_ANSWERED', 'JPY', 2700)")
                .param(payment).update();
        return payment;
    }

    private String cardToken() {
        return jdbc.sql("select card_token from coupon limit 1").query(String.class).optional().orElse("t".repeat(43));
    }

    private static Set<String> receivedTypes(WebhookReceiver receiver) {
        return receiver.acknowledged().stream().map(received -> JSON.readTree(received.body()).path("type").asString())
                .collect(Collectors.toSet());
    }

    private static JsonNode bodyOf(List<Received> received, String type) {
        return received.stream().map(delivery -> JSON.readTree(delivery.body()))
                .filter(body -> body.path("type").asString().equals(type)).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + atMost).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
