package com.cardcoupons.localplatform;

import com.cardcoupons.model.medium.UsageMediumTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * Starts the whole platform on one machine: the database (embedded unless {@code COUPONS_DB_URL} is set), the
 * schema, the demo data, then every service as its own JVM, and prints where to find them. Ctrl-C stops it all.
 * {@code --instances=N} starts N instances of coupon-server and of the settlement relay: the gateway balances each
 * service's calls across its instances, and relay n calls coupon-server n.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Development default; set {@code COUPONS_CARD_TOKEN_KEY} to use another. Services get the same key. */
    static final String DEV_CARD_TOKEN_KEY = "dev-only-card-token-key-change-me-in-production";
    static final String GATEWAY = "reception-terminal-gateway";
    /** Five JVMs starting at once on a small, busy machine (a CI runner) can take minutes each. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);

    private final LocalDatabase database;
    private final List<ServiceProcess> services;
    private final PlatformService.Ports ports;
    private final GatewayTls tls;

    private LocalPlatform(LocalDatabase database, List<ServiceProcess> services, PlatformService.Ports ports, GatewayTls tls) {
        this.database = database;
        this.services = services;
        this.ports = ports;
        this.tls = tls;
    }

    public static void main(String[] args) throws InterruptedException {
        int instances = 1;
        for (String arg : args) {
            if (arg.startsWith("--instances=")) {
                instances = Integer.parseInt(arg.substring("--instances=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (run-platform [--instances=N])");
            }
        }
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("--instances is from 1 to 9");
        }
        Path repository = repositoryRoot();
        LocalPlatform platform = start(PlatformService.Ports.fromEnvironment(), repository, repository.resolve("logs"), Map.of(),
                instances);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform...");
            platform.close();
            stopped.countDown();
        }, "local-platform-stop"));
        platform.printWelcome();
        stopped.await();
    }

    static LocalPlatform start(PlatformService.Ports ports, Path repository, Path logDirectory, Map<String, String> environment) {
        return start(ports, repository, logDirectory, environment, 1, module -> true);
    }

    static LocalPlatform start(PlatformService.Ports ports, Path repository, Path logDirectory, Map<String, String> environment,
            int instances) {
        return start(ports, repository, logDirectory, environment, instances, module -> true);
    }

    /**
     * The platform with only the services {@code modules} accepts. The demo world needs the gateway and
     * registration-api, as it is onboarded through them; without them only the administrator's key is loaded.
     */
    static LocalPlatform start(PlatformService.Ports ports, Path repository, Path logDirectory, Map<String, String> environment,
            Predicate<String> modules) {
        return start(ports, repository, logDirectory, environment, 1, modules);
    }

    private static LocalPlatform start(PlatformService.Ports ports, Path repository, Path logDirectory,
            Map<String, String> environment, int instances, Predicate<String> modules) {
        GatewayTls tls = GatewayTls.of(environment, repository.resolve(".platform-data"));
        String cardTokenKey = System.getenv().getOrDefault("COUPONS_CARD_TOKEN_KEY", DEV_CARD_TOKEN_KEY);
        LocalDatabase database = LocalDatabase.open(ports.database());
        List<ServiceProcess> started = new ArrayList<>();
        try {
            System.out.println("Database: " + database.describe());
            database.migrate();
            try (Connection connection = database.connect()) {
                new DemoCredentials().loadAdministrator(connection);
            }
            System.out.println("Schema migrated.");

            Path logs = Files.createDirectories(logDirectory);
            List<PlatformService> layout = PlatformService.all(ports, instances).stream()
                    .filter(service -> modules.test(service.module()))
                    .map(service -> tls != null && service.module().equals(GATEWAY) ? service.overTls() : service)
                    .toList();
            Map<String, String> serviceEnvironment = new HashMap<>(environment);
            if (tls != null) {
                serviceEnvironment.putAll(tls.environment());
            }
            serviceEnvironment.put("COUPONS_DB_URL", database.url());
            serviceEnvironment.put("COUPONS_CARD_TOKEN_KEY", cardTokenKey);
            // a developer's webhook receiver may listen on plain http on this machine (production endpoints use https)
            serviceEnvironment.putIfAbsent("COUPONS_WEBHOOK_ALLOW_LOOPBACK_HTTP", "true");
            // each variable lists every instance of its service, as the gateway takes them
            layout.forEach(service -> serviceEnvironment.merge(service.urlVariable(), service.url(), (a, b) -> a + "," + b));
            // the simulator listens for ISO 8583 there, and the relay connects there
            serviceEnvironment.put("SETTLEMENT_CENTER_ISO_PORT", Integer.toString(ports.simulatorIso()));
            for (PlatformService service : layout) {
                System.out.println("Starting " + service.name() + " on port " + service.port() + " (log: logs/" + service.name() + ".log)");
                Map<String, String> own = new HashMap<>(serviceEnvironment);
                if (tls != null && service.module().equals("web-console")) {
                    // the console calls the gateway over HTTPS, trusting its certificate and nothing more
                    own.put("SPRING_SSL_BUNDLE_PEM_GATEWAY_TRUSTSTORE_CERTIFICATE",
                            tls.certificates(repository.resolve(".platform-data").resolve("gateway-certificates.pem")).toUri().toString());
                    own.put("CONSOLE_GATEWAY_SSL_BUNDLE", "gateway");
                }
                if (service.module().equals("settlement-relay")) {
                    // a relay calls one coupon-server: its own partner
                    own.put("COUPON_SERVER_URL", layout.stream().filter(other -> other.module().equals("coupon-server")
                            && other.instance() == service.instance()).findFirst().orElseThrow().url());
                }
                started.add(ServiceProcess.start(service, repository, logs, own));
            }
            for (ServiceProcess service : started) {
                service.awaitReady(READY_WITHIN, service.service().tls() ? tls.trustingIt() : null);
                System.out.println("  " + service.service().name() + " is ready");
            }
            if (modules.test(GATEWAY) && modules.test("registration-api")) {
                // the demo's merchants, stores and terminals are onboarded through the API, as an operator would
                new DemoOnboarding(gatewayUrl(ports, tls), tls == null ? null : tls.trustingIt(),
                        DemoCredentials.ADMINISTRATOR.apiKey()).load();
                try (Connection connection = database.connect()) {
                    new DemoData(new UsageMediumTokenizer(cardTokenKey.getBytes(StandardCharsets.UTF_8))).load(connection);
                    new DemoCredentials().load(connection);
                }
                System.out.println("Demo data loaded.");
            }
            return new LocalPlatform(database, started, ports, tls);
        } catch (IOException e) {
            stopAll(started, database);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            stopAll(started, database);
            throw new IllegalStateException("could not load the demo data", e);
        } catch (RuntimeException e) {
            stopAll(started, database);
            throw e;
        }
    }

    String gatewayUrl() {
        return gatewayUrl(ports, tls);
    }

    private static String gatewayUrl(PlatformService.Ports ports, GatewayTls tls) {
        return (tls == null ? "http" : "https") + "://localhost:" + ports.gateway();
    }

    /** The gateway's TLS, or null when it serves plain HTTP. */
    GatewayTls gatewayTls() {
        return tls;
    }

    /** The web console, through the gateway. */
    String consoleUrl() {
        return gatewayUrl() + "/console";
    }

    LocalDatabase database() {
        return database;
    }

    /** The running process of {@code module}'s instance {@code instance} (from 1). */
    ServiceProcess process(String module, int instance) {
        return services.stream().filter(process -> process.service().module().equals(module)
                && process.service().instance() == instance).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        stopAll(services, database);
    }

    /**
     * Stops every service at once: one after the other, their graceful shutdowns add up to longer than a test JVM
     * (surefire) or a terminal waits for the stop, and the services not yet reached would outlive the platform.
     */
    private static void stopAll(List<ServiceProcess> services, LocalDatabase database) {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).requestStop();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).awaitStop();
        }
        database.close();
    }

    private void printWelcome() {
        String gateway = gatewayUrl();
        System.out.println();
        System.out.println("The card-linked coupon platform is up. Everything goes through the gateway:");
        System.out.println("  Gateway                 " + gateway);
        for (ServiceProcess process : services) {
            PlatformService service = process.service();
            if (!List.of("reception-terminal-gateway", "settlement-center-simulator", "web-console").contains(service.module())) {
                System.out.println("  " + pad(service.name()) + "health: " + gateway + "/services/" + service.module()
                        + "/actuator/health   API docs: " + service.url() + "/swagger-ui.html");
            }
        }
        System.out.println("  Settlement center (sim) " + "ISO 8583 on port " + ports.simulatorIso() + ", admin http://localhost:"
                + ports.simulator());
        System.out.println();
        System.out.println("Demo merchant Sakura Mart  " + DemoData.SAKURA_MART + ", store Shibuya " + DemoData.SAKURA_SHIBUYA
                + ", terminal " + DemoData.SHIBUYA_TILL_1);
        System.out.println("Demo cards carrying coupons:");
        DemoData.CARDS.forEach(card -> System.out.println("  " + card.shown()));
        System.out.println();
        System.out.println("Demo API keys (send as X-Api-Key; demo values, never use them elsewhere):");
        DemoCredentials.KEYS.forEach(key -> System.out.println("  " + pad(key.id()) + key.apiKey()));
        System.out.println("  export TERMINAL_KEY=" + DemoCredentials.KEYS.get(0).apiKey() + " MERCHANT_KEY="
                + DemoCredentials.KEYS.get(4).apiKey() + " APPROVER_KEY=" + DemoCredentials.KEYS.get(6).apiKey()
                + " APP_KEY=" + DemoCredentials.KEYS.get(7).apiKey() + " ADMIN_KEY=" + DemoCredentials.KEYS.get(10).apiKey());
        System.out.println();
        System.out.println("Web console: " + consoleUrl() + "  (sign in with a key id and its secret, the part after the dot):");
        for (String keyId : List.of("demo-shibuya-till-1", "demo-sakura-mart", "demo-approver", "demo-web", "demo-admin")) {
            DemoCredentials.DemoKey key = DemoCredentials.KEYS.stream().filter(k -> k.id().equals(keyId)).findFirst().orElseThrow();
            System.out.println("  " + pad(key.label()) + "key id " + pad(key.id()) + "secret " + key.secret());
        }
        System.out.println();
        // a self-signed development certificate is trusted by nobody: the hints say so rather than print its password
        String curl = tls == null ? "curl " : "curl --insecure ";
        System.out.println("Try: " + curl + gateway + "/services/coupon-server/actuator/health");
        System.out.println("     " + curl + "-H \"X-Api-Key: $ADMIN_KEY\" " + gateway + "/api/v1/credentials");
        System.out.println("Logs are in logs/. Press Ctrl-C to stop.");
    }

    private static String pad(String text) {
        return text + " ".repeat(Math.max(1, 24 - text.length()));
    }

    /** The repository holding the built modules: the working directory or one of its parents. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("local-platform")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from the repository (no local-platform/ found above " + Path.of("").toAbsolutePath() + ")");
    }
}
