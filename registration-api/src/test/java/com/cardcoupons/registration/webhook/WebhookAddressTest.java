package com.cardcoupons.registration.webhook;

import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side request forgery, over real HTTP and PostgreSQL, without the development setting that allows loopback:
 * an endpoint on a non-public address is refused at registration and update, nothing written; and a name that
 * resolved to a public address when registered but now resolves to a non-public one (DNS rebinding) is not called at
 * delivery, the attempt failed with the reason. Names are pointed through the resolver seam ({@link HostResolver}).
 */
@TestPropertySource(properties = {
        "coupons.webhooks.allow-loopback-http=false",
        "coupons.webhooks.poll-interval=100ms",
        "coupons.webhooks.first-retry=200ms",
        "coupons.webhooks.max-retry=400ms",
        "coupons.webhooks.max-age=1h"})
@Import(WebhookAddressTest.PointedResolver.Config.class)
class WebhookAddressTest extends RegistrationApiTest {

    @Autowired
    PointedResolver resolver;

    @Test
    void anEndpointOnANonPublicAddressIsRefusedAndNothingWritten() throws Exception {
        resolver.point("intranet.shop.test", "192.168.1.10");
        resolver.point("half-public.shop.test", "8.8.8.8", "10.1.2.3");
        resolver.point("metadata.shop.test", "169.254.169.254");
        long before = count("select count(*) from webhook_endpoint");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/hooks", "https://[::1]/hooks", "https://127.0.0.1:8443/hooks", "https://0.0.0.0/hooks",
                "https://[::ffff:10.0.0.1]/hooks", "https://[fd00::1]/hooks", "https://[fe80::1]/hooks",
                "https://100.64.0.1/hooks", "https://intranet.shop.test/hooks", "https://half-public.shop.test/hooks",
                "https://metadata.shop.test/hooks")) {
            refused(sakura.post("/api/v1/webhooks/endpoints", Map.of("url", url, "eventTypes", List.of("coupon.used")), key()),
                    "WEBHOOK_URL_NOT_PUBLIC", url);
        }
        refused(sakura.post("/api/v1/webhooks/endpoints", Map.of("url", "https://8.8.8.8:22/hooks",
                "eventTypes", List.of("coupon.used")), key()), "WEBHOOK_URL_PORT_NOT_ALLOWED", "port 22");
        assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(before);

        resolver.point("hooks.shop.test", "8.8.8.8");
        UUID endpoint = register("https://hooks.shop.test:8443/coupons", "coupon.used");
        for (String url : List.of("https://169.254.169.254/", "https://intranet.shop.test/hooks", "https://[::1]/")) {
            refused(sakura.send("PATCH", "/api/v1/webhooks/endpoints/" + endpoint, Map.of("url", url),
                    Map.of("Idempotency-Key", key())),
                    "WEBHOOK_URL_NOT_PUBLIC", url);
        }
        assertThat(jdbc.sql("select url from webhook_endpoint where id = ?").param(endpoint).query(String.class).single())
                .isEqualTo("https://hooks.shop.test:8443/coupons");
    }

    @Test
    void aNameRebindToANonPublicAddressIsNotCalled() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            resolver.point("rebind.shop.test", "8.8.8.8");
            UUID endpoint = register("https://rebind.shop.test:" + listener.getLocalPort() + "/coupons",
                    "campaign.submitted");
            // after registration the name resolves to loopback, where something listens (not allowed here)
            resolver.point("rebind.shop.test", "127.0.0.1");
            approved(TermsJson.discount(), null);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            JsonNode delivery;
            do {
                assertThat(Instant.now()).as("a refused attempt is logged").isBefore(deadline);
                Thread.sleep(100);
                JsonNode log = sakura.get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries").json().path("deliveries");
                delivery = StreamSupport.stream(log.spliterator(), false).filter(entry -> entry.path("attempts").asInt() >= 2)
                        .findFirst().orElse(null);
            } while (delivery == null);
            assertThat(delivery.path("state").asString()).as("retried per the policy").isEqualTo("PENDING");
            assertThat(delivery.path("attemptLog")).allSatisfy(attempt -> {
                assertThat(attempt.path("statusCode").isNull() || attempt.path("statusCode").isMissingNode()).isTrue();
                assertThat(attempt.path("error").asString()).contains("rebind.shop.test")
                        .contains("resolves to a non-public address").doesNotContain("127.0.0.1");
            });
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).as("no connection was made").isInstanceOf(SocketTimeoutException.class);
        }
    }

    private UUID register(String url, String... types) {
        Reply reply = sakura.post("/api/v1/webhooks/endpoints", Map.of("url", url, "eventTypes", List.of(types)), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    private static void refused(Reply reply, String code, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(400);
        assertThat(reply.code()).as(what).isEqualTo(code);
        assertThat(reply.json().path("field").asString()).as(what).isEqualTo("url");
        assertThat(reply.json().path("detail").asString()).as(what).doesNotContain("192.168").doesNotContain("10.1.2.3");
    }

    /** The system resolver, but for the names a test points at addresses of its choosing. */
    static class PointedResolver implements HostResolver {

        private final Map<String, InetAddress[]> pointed = new ConcurrentHashMap<>();
        private final HostResolver system = new HostResolver.Default();

        void point(String name, String... literals) throws UnknownHostException {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByAddress(name, InetAddress.getByName(literals[i]).getAddress());
            }
            pointed.put(name, addresses);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = pointed.get(host);
            return addresses != null ? addresses : system.resolve(host);
        }

        @TestConfiguration(proxyBeanMethods = false)
        static class Config {
            @Bean
            @Primary
            PointedResolver pointedResolver() {
                return new PointedResolver();
            }
        }
    }
}
