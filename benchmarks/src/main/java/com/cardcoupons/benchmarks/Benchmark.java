package com.cardcoupons.benchmarks;

import com.cardcoupons.couponserver.CouponServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One command, one run: open (or start) the database, seed it, start coupon-server on it unless a target is given,
 * measure search and redemption under a closed-loop load, measure pgbench -S and -N on the same database with as
 * many clients, and report throughput, latency percentiles and the ratios against the targets.
 */
public final class Benchmark {

    private static final String INTENDED_USE = """
            {"merchantId":"%s","storeId":"%s","terminalId":"%s","amount":{"amountMinor":5000,"currency":"JPY"},
             "basket":[{"sku":"APPLE","category":"FRESH","quantity":4,"unitPrice":{"amountMinor":500,"currency":"JPY"}}]}""";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        log("benchmark: " + options.describe());
        try (BenchDatabase database = BenchDatabase.open(options)) {
            log("database: " + database.description());
            long seeding = System.nanoTime();
            new Seeder(database, options).seed();
            Duration seeded = Duration.ofNanos(System.nanoTime() - seeding);
            log("seeded in " + seeded.toSeconds() + " s; the bench till is merchant " + Dataset.merchantId(0) + ", store "
                    + Dataset.storeId(0, 0) + ", terminal " + Dataset.terminalId(0, 0, 0));
            Pgbench pgbench = new Pgbench(options.pgbench(), database);
            pgbench.initialise(options.pgbenchScale());

            ConfigurableApplicationContext service = options.target() == null ? start(database, options) : null;
            try {
                String baseUrl = options.target() != null ? options.target()
                        : "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
                FreshCoupons fresh = new FreshCoupons(new Dataset(options.campaigns(), options.cards()), options.coupons());
                List<String> targets = new ArrayList<>();
                List<LoadRun.Result> loads = new ArrayList<>();
                try (Target target = Target.of(baseUrl, options)) {
                    targets.add(target.describe());
                    load("", target, fresh, options, loads);
                }
                if (options.gateway()) {
                    try (BenchGateway gateway = BenchGateway.start(database, options, baseUrl);
                         Target target = Target.of(gateway.url(), Options.header(gateway.apiKeyHeader()), options)) {
                        targets.add("the reception-terminal gateway at " + target.describe() + ", in front of " + baseUrl);
                        load(" via gateway", target, fresh, options, loads);
                    }
                }
                double select = pgbench.tps("-S", options.threads(), options.duration());
                log("pgbench -S: " + Math.round(select) + " tps");
                double update = pgbench.tps("-N", options.threads(), options.duration());
                log("pgbench -N: " + Math.round(update) + " tps");

                Report report = new Report(options, database.description(), targets, seeded, loads, select, update);
                report.write(options.out());
                System.out.println();
                System.out.println(report.markdown());
                log("written to " + options.out().toAbsolutePath());
            } finally {
                if (service != null) {
                    service.close();
                }
            }
        }
    }

    /** The search load, then the redemption load, at one target. */
    private static void load(String suffix, Target target, FreshCoupons fresh, Options options, List<LoadRun.Result> loads)
            throws Exception {
        log("load: " + target.describe());
        LoadRun.Result search = LoadRun.run("search" + suffix, options.threads(), options.warmup(), options.duration(),
                search(target, options));
        log(search.name() + ": " + summary(search));
        loads.add(search);
        LoadRun.Result redemption = LoadRun.run("redemption" + suffix, options.threads(), options.warmup(),
                options.duration(), redemption(target, fresh));
        log(redemption.name() + ": " + summary(redemption));
        loads.add(redemption);
    }

    /** Arguments, not default properties: they must win over the service's own configuration files. */
    private static ConfigurableApplicationContext start(BenchDatabase database, Options options) {
        return new SpringApplicationBuilder(CouponServerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, options.threads()),
                "--coupons.card-token.key=" + options.cardTokenKey(),
                "--coupons.gateway-trust.shared-secret=" + options.gatewaySecret(),
                "--logging.level.root=WARN");
    }

    /** A search for a random seeded card at the bench terminal. */
    private static LoadRun.Call search(Target target, Options options) {
        String use = INTENDED_USE.formatted(target.merchantId, target.storeId, target.terminalId);
        return client -> {
            String card = Dataset.cardNumber(ThreadLocalRandom.current().nextInt(options.cards()));
            return target.post("/api/v1/searches",
                    "{\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + card + "\"},\"intendedUse\":" + use + "}", null);
        };
    }

    /**
     * Uses, at once, the next fresh coupon with its card. Signing identities itself, the harness redeems every seeded
     * coupon at its own merchant's first till; with fixed credentials, only the bench merchant's coupons at the
     * credential's terminal. Stops when no fresh coupon is left.
     */
    private static LoadRun.Call redemption(Target target, FreshCoupons fresh) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        return client -> {
            int coupon = target.signsIdentities() ? fresh.next() : fresh.nextOfMerchant(0);
            if (coupon < 0) {
                return -1;
            }
            int merchant = fresh.merchantOf(coupon);
            UUID[] till = target.signsIdentities()
                    ? new UUID[] {Dataset.merchantId(merchant), Dataset.storeId(merchant, 0), Dataset.terminalId(merchant, 0, 0)}
                    : new UUID[] {target.merchantId, target.storeId, target.terminalId};
            String body = "{\"transactionId\":\"B" + run + "-" + coupon + "\",\"couponCodes\":[\"" + Dataset.code(coupon)
                    + "\"],\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + Dataset.cardNumber(fresh.cardOf(coupon))
                    + "\"},\"intendedUse\":" + INTENDED_USE.formatted(till[0], till[1], till[2]) + "}";
            return target.post("/api/v1/redemptions", body, "bench-" + run + "-" + coupon, till);
        };
    }

    private static String summary(LoadRun.Result result) {
        return String.format(java.util.Locale.ROOT, "%.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, failures %s",
                result.throughput(), result.millis(50), result.millis(95), result.millis(99), result.failures());
    }

    private static void log(String line) {
        System.out.println("[benchmark] " + line);
    }
}
