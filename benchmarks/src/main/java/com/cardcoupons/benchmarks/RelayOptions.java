package com.cardcoupons.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the relay benchmark runs, from {@code --name=value} arguments.
 *
 * @param legLatency  latency put on each leg: the settlement center's answers (the simulator's own setting) and
 *                    coupon-server's answers (a delaying proxy in front of it)
 * @param couponCards cards seeded with one 10 % coupon each, one per payment of the discount phase
 * @param repository  where the modules' executable jars were built ({@code <module>/target/*-exec.jar})
 */
record RelayOptions(int threads, Duration warmup, Duration duration, Duration legLatency, int couponCards,
                    String dbUrl, String dbUser, String dbPassword, Path out, Path repository, String cardTokenKey,
                    String gatewaySecret) {

    static RelayOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new RelayOptions(
                integer(given, "threads", 4),
                Duration.ofSeconds(integer(given, "warmup", 20)),
                Duration.ofSeconds(integer(given, "duration", 60)),
                Duration.ofMillis(integer(given, "leg-latency", 50)),
                integer(given, "coupon-cards", 20_000),
                given.get("db-url"),
                given.getOrDefault("db-user", "postgres"),
                given.getOrDefault("db-password", "postgres"),
                Path.of(given.getOrDefault("out", "benchmarks/target/relay-benchmark-results.md")),
                Path.of(given.getOrDefault("repository", ".")),
                given.getOrDefault("card-token-key", env("COUPONS_CARD_TOKEN_KEY", "dev-only-card-token-key-change-me-in-production")),
                given.getOrDefault("gateway-secret", env("COUPONS_GATEWAY_SECRET", "dev-only-gateway-shared-secret-change-me-in-production")));
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    String describe() {
        return threads + " concurrent terminals; " + legLatency.toMillis() + " ms on each leg; " + warmup.toSeconds()
                + " s warm-up and " + duration.toSeconds() + " s measured per phase";
    }
}
