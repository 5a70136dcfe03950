package com.cardcoupons.relay.support;

import com.cardcoupons.settlementcenter.SettlementCenterSimulatorApplication;
import com.cardcoupons.testsupport.ApiCaller;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real settlement center simulator, started once in this JVM on a random port, with its admin API at hand. The
 * relay's classpath holds the platform and a database driver the simulator deliberately knows nothing of, so their
 * auto-configuration is switched off for it.
 */
public final class SettlementCenter {

    private static final String EXCLUDED = String.join(",",
            "com.cardcoupons.platform.problem.ProblemAutoConfiguration",
            "com.cardcoupons.platform.correlation.CorrelationAutoConfiguration",
            "com.cardcoupons.platform.identity.IdentityAutoConfiguration",
            "com.cardcoupons.platform.idempotency.IdempotencyAutoConfiguration",
            "com.cardcoupons.platform.tokenization.TokenizationAutoConfiguration",
            "com.cardcoupons.platform.input.StrictInputAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    private static SettlementCenter shared;

    private final ConfigurableApplicationContext context;
    private final ApiCaller admin;

    private SettlementCenter(ConfigurableApplicationContext context) {
        this.context = context;
        this.admin = ApiCaller.anonymous(url());
    }

    /** The one simulator of this test JVM; its state (cards, authorizations) is shared, so tests use cards of their own. */
    public static synchronized SettlementCenter shared() {
        if (shared == null) {
            shared = new SettlementCenter(SettlementCenterSimulatorApplication.builder()
                    .run("--server.port=0", "--spring.autoconfigure.exclude=" + EXCLUDED));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close, "settlement-center-stop"));
        }
        return shared;
    }

    public String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Adds a fault rule: see the simulator's {@code FaultRule}. */
    public void inject(Map<String, Object> rule) {
        ApiCaller.Reply reply = admin.post("/admin/faults", rule);
        if (reply.status() != 201) {
            throw new IllegalStateException("fault not accepted: " + reply);
        }
    }

    public void slowAuthorizations(long latencyMs) {
        inject(Map.of("operation", "AUTHORIZE", "latencyMs", latencyMs));
    }

    public void slowAuthorizationsOf(long amountMinor, long latencyMs) {
        inject(Map.of("operation", "AUTHORIZE", "amountMinor", amountMinor, "latencyMs", latencyMs));
    }

    public void failReversals() {
        inject(Map.of("operation", "REVERSE", "effect", "FAIL_BEFORE_PROCESSING"));
    }

    public void clearFaults() {
        admin.delete("/admin/faults");
    }

    public void setLimit(String card, long limitMinor) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("number", card);
        settings.put("limitMinor", limitMinor);
        admin.put("/admin/cards", settings);
    }

    public void block(String card) {
        admin.put("/admin/cards", Map.of("number", card, "blocked", true));
    }

    /** The funds the card's approved, unreversed authorizations hold, in the currency's minor unit. */
    public long held(String card, String currency) {
        return admin.post("/admin/cards/query", Map.of("number", card)).json().path("heldMinor").path(currency).asLong(0);
    }

    /** Authorizes directly, as a relay would, and returns the result: APPROVED or DECLINED. */
    public String authorize(Object authorizationId, String card, long amountMinor) {
        return admin.post("/acquirer/v1/authorizations", Map.of("authorizationId", authorizationId.toString(),
                "acceptor", Map.of("merchantId", "merchant", "terminalId", "terminal"),
                "card", Map.of("number", card, "expiry", "2031-12"),
                "amount", Map.of("amountMinor", amountMinor, "currency", "JPY"))).json().path("result").asString();
    }

    /** Where an authorization stands at the settlement center: APPROVED, DECLINED, REVERSED, or absent. */
    public String stateOf(Object authorizationId) {
        ApiCaller.Reply reply = admin.get("/acquirer/v1/authorizations/" + authorizationId);
        return reply.status() == 404 ? "ABSENT" : reply.json().path("state").asString();
    }
}
