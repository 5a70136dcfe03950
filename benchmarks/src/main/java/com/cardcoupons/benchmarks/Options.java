package com.cardcoupons.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to run, from {@code --name=value} arguments. {@code --scale} shrinks the full data set (10,000 campaigns,
 * 1,000,000 coupons over 200,000 cards) for a quick run; explicit counts win over it.
 *
 * @param target     the base URL to load; none starts coupon-server in this process on the benchmark database
 * @param headers    credential headers sent with every request (e.g. the gateway's {@code X-Api-Key}); none signs
 *                   gateway identity headers with {@code gatewaySecret}, as the gateway would
 * @param terminal   the terminal the load speaks for: merchant, store and terminal ids; the seeded bench terminal
 *                   when not given
 * @param gateway    whether to measure again through the reception-terminal gateway (its own process, in front of
 *                   the coupon-server this run started); only without a target
 * @param repository where the gateway's executable jar was built ({@code reception-terminal-gateway/target})
 * @param gatewayJvm options for the gateway's JVM, space-separated (a flight recording, say)
 * @param gatewayWarmup how long the freshly started gateway is loaded with searches before any phase is measured
 * @param pgbenchDuration how long each pgbench run next to a phase lasts
 */
record Options(int campaigns, int coupons, int cards, int threads, Duration warmup, Duration duration,
               String dbUrl, String dbUser, String dbPassword, String target, Map<String, String> headers,
               UUID[] terminal, String pgbench, int pgbenchScale, Path out, String cardTokenKey, String gatewaySecret,
               boolean gateway, Path repository, List<String> gatewayJvm, Duration gatewayWarmup,
               Duration pgbenchDuration) {

    static Options parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (name.equals("header")) {
                headers.putAll(header(value));
            } else {
                given.put(name, value);
            }
        }
        double scale = Double.parseDouble(given.getOrDefault("scale", "1"));
        UUID[] terminal = null;
        if (given.containsKey("terminal")) {
            String[] ids = given.get("terminal").split(",");
            terminal = new UUID[] {UUID.fromString(ids[0]), UUID.fromString(ids[1]), UUID.fromString(ids[2])};
        }
        return new Options(
                integer(given, "campaigns", (int) Math.max(10, Math.round(10_000 * scale))),
                integer(given, "coupons", (int) Math.max(100, Math.round(1_000_000 * scale))),
                integer(given, "cards", (int) Math.max(20, Math.round(200_000 * scale))),
                integer(given, "threads", 4),
                Duration.ofSeconds(integer(given, "warmup", 30)),
                Duration.ofSeconds(integer(given, "duration", 60)),
                given.get("db-url"),
                given.getOrDefault("db-user", "postgres"),
                given.getOrDefault("db-password", "postgres"),
                given.get("target"),
                headers,
                terminal,
                given.getOrDefault("pgbench", "/usr/lib/postgresql/15/bin/pgbench"),
                integer(given, "pgbench-scale", 10),
                Path.of(given.getOrDefault("out", "benchmarks/target/benchmark-results.md")),
                given.getOrDefault("card-token-key", env("COUPONS_CARD_TOKEN_KEY", "dev-only-card-token-key-change-me-in-production")),
                given.getOrDefault("gateway-secret", env("COUPONS_GATEWAY_SECRET", "dev-only-gateway-shared-secret-change-me-in-production")),
                !given.containsKey("target") && Boolean.parseBoolean(given.getOrDefault("gateway", "true")),
                Path.of(given.getOrDefault("repository", ".")),
                List.of(given.getOrDefault("gateway-jvm", "").split(" ")).stream().filter(option -> !option.isBlank()).toList(),
                Duration.ofSeconds(integer(given, "gateway-warmup", 60)),
                Duration.ofSeconds(integer(given, "pgbench-duration", 20)));
    }

    /** A {@code --header} value, "Name: value", as a map of one header. */
    static Map<String, String> header(String header) {
        int colon = header.indexOf(':');
        return Map.of(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    String describe() {
        return campaigns + " campaigns, " + coupons + " coupons over " + cards + " cards; " + threads + " concurrent clients; "
                + warmup.toSeconds() + " s warm-up and " + duration.toSeconds() + " s measured per phase"
                + (gateway ? ", the gateway warmed up for " + gatewayWarmup.toSeconds() + " s first" : "")
                + "; pgbench for " + pgbenchDuration.toSeconds() + " s before and after each phase";
    }
}
