package com.cardcoupons.relay.support;

import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.settlementcenter.SettlementCenterSimulatorApplication;
import com.cardcoupons.testsupport.ApiCaller;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real settlement center simulator, started once in this JVM, its ISO 8583 host and its admin API each on a
 * random port. The relay's classpath holds the platform and a database driver the simulator deliberately knows nothing
 * of, so their auto-configuration is switched off for it.
 */
public final class SettlementCenter {

    /** Field 32 the relays under test send (the relay's default). */
    public static final String ACQUIRER = "12345";

    /** The platform's own auto-configurations, whichever there are, and the database's: the simulator has neither. */
    private static final String EXCLUDED = String.join(",", Stream.concat(
            ImportCandidates.load(AutoConfiguration.class, SettlementCenter.class.getClassLoader()).getCandidates().stream()
                    .filter(candidate -> candidate.startsWith("com.cardcoupons.platform.")),
            Stream.of("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")).toList());

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
                    .run("--server.port=0", "--settlement-center.iso.port=0", "--spring.autoconfigure.exclude=" + EXCLUDED));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close, "settlement-center-stop"));
        }
        return shared;
    }

    /** The admin API. */
    public String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Where the ISO 8583 host listens. */
    public int isoPort() {
        return admin.get("/admin/host").json().path("port").asInt();
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

    /** Every reversal is left unanswered (but not processed), until the faults are cleared. */
    public void ignoreReversals() {
        inject(Map.of("operation", "REVERSE", "effect", "IGNORE"));
    }

    public void clearFaults() {
        admin.delete("/admin/faults");
    }

    /** Cuts every open connection; the host keeps listening. */
    public void dropConnections() {
        admin.post("/admin/host/connections/drop", Map.of());
    }

    /** Stops listening and cuts every connection. */
    public void stopHost() {
        admin.post("/admin/host/stop", Map.of());
    }

    public void startHost() {
        admin.post("/admin/host/start", Map.of());
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
        String numeric = String.format("%03d", Currency.getInstance(currency).getNumericCode());
        return card(card).path("heldMinor").path(numeric).asLong(0);
    }

    /** The authorizations the card received, oldest first, each with its terminal, STAN, RRN and state. */
    public JsonNode authorizationsOf(String card) {
        return card(card).path("authorizations");
    }

    /**
     * Where the authorization the relay's journal shows ({@code trail}, one of its {@code authorizations}) stands at the
     * settlement center: APPROVED, DECLINED, REVERSED, or ABSENT.
     */
    public String stateOf(String card, JsonNode trail) {
        for (JsonNode authorization : authorizationsOf(card)) {
            if (authorization.path("stan").asString().equals(trail.path("stan").asString())
                    && authorization.path("retrievalReference").asString().equals(trail.path("retrievalReference").asString())) {
                return authorization.path("state").asString();
            }
        }
        return "ABSENT";
    }

    /** Sends an 0100 directly, as a relay would, and returns its response code. */
    public String authorize(MessageTrace trace, String card, long amountMinor) {
        PostChannel channel = new PostChannel("localhost", isoPort(), new ISO87APackager());
        try {
            channel.setTimeout(5_000);
            channel.connect();
            ISOMsg request = new ISOMsg("0100");
            request.set(2, card);
            request.set(3, "000000");
            request.set(4, String.format("%012d", amountMinor));
            request.set(7, trace.transmissionDateTime());
            request.set(11, trace.stan());
            request.set(14, "3112");
            request.set(32, ACQUIRER);
            request.set(37, trace.retrievalReference());
            request.set(41, trace.terminal());
            request.set(42, trace.merchant());
            request.set(49, "392");
            channel.send(request);
            return channel.receive().getString(39);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ISOException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                channel.disconnect();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private JsonNode card(String card) {
        return admin.post("/admin/cards/query", Map.of("number", card)).json();
    }
}
