package com.cardcoupons.benchmarks;

import com.cardcoupons.couponserver.CouponServerApplication;
import com.cardcoupons.model.schema.DatabaseRole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                try (Tills tills = options.headers().isEmpty()
                        ? Tills.firstOfEachMerchant(merchant -> Target.asFirstTillOf(merchant, baseUrl, Map.of(), options))
                        : Tills.only(Target.of(baseUrl, options))) {
                    targets.add(tills.bench().describe());
                    load("", tills, fresh, options, loads);
                }
                if (options.gateway()) {
                    try (BenchGateway gateway = BenchGateway.start(database, options, baseUrl);
                         Tills tills = Tills.firstOfEachMerchant(merchant -> Target.asFirstTillOf(merchant, gateway.url(),
                                 Options.header(gateway.apiKeyHeader(merchant)), options))) {
                        targets.add("the reception-terminal gateway at " + tills.bench().describe()
                                + " (a key for each merchant's first till), in front of " + baseUrl);
                        load(" via gateway", tills, fresh, options, loads);
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

    /** The search load at the bench till, then the redemption load at every till there is, at one target. */
    private static void load(String suffix, Tills tills, FreshCoupons fresh, Options options, List<LoadRun.Result> loads)
            throws Exception {
        log("load: " + tills.bench().describe());
        LoadRun.Result search = LoadRun.run("search" + suffix, options.threads(), options.warmup(), options.duration(),
                search(tills.bench(), options));
        log(search.name() + ": " + summary(search));
        loads.add(search);
        LoadRun.Result redemption = LoadRun.run("redemption" + suffix, options.threads(), options.warmup(),
                options.duration(), redemption(tills, fresh));
        log(redemption.name() + ": " + summary(redemption));
        loads.add(redemption);
    }

    /** Arguments, not default properties: they must win over the service's own configuration files. */
    private static ConfigurableApplicationContext start(BenchDatabase database, Options options) {
        List<String> arguments = new ArrayList<>(database.connectionArguments(DatabaseRole.TILL));
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, options.threads()),
                "--coupons.card-token.key=" + options.cardTokenKey(),
                "--coupons.gateway-trust.shared-secret=" + options.gatewaySecret(),
                "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(CouponServerApplication.class).run(arguments.toArray(String[]::new));
    }

    /** A search for a random seeded card at the bench terminal. */
    private static LoadRun.Call search(Target target, Options options) {
        String use = INTENDED_USE.formatted(target.merchantId, target.storeId, target.terminalId);
        return client -> {
            String card = Dataset.cardNumber(ThreadLocalRandom.current().nextInt(options.cards()));
            return target.post(client, "/api/v1/searches",
                    "{\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + card + "\"},\"intendedUse\":" + use + "}", null);
        };
    }

    /**
     * Uses, at once, the next fresh coupon with its card, at its merchant's first till (where every coupon of the
     * merchant is usable), passing over the coupons of merchants the load has no till of. Stops when no fresh coupon is
     * left.
     */
    private static LoadRun.Call redemption(Tills tills, FreshCoupons fresh) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        return client -> {
            int coupon = fresh.next(tills::has);
            if (coupon < 0) {
                return -1;
            }
            Target till = tills.of(fresh.merchantOf(coupon));
            String body = "{\"transactionId\":\"B" + run + "-" + coupon + "\",\"couponCodes\":[\"" + Dataset.code(coupon)
                    + "\"],\"medium\":{\"type\":\"CREDIT\",\"cardNumber\":\"" + Dataset.cardNumber(fresh.cardOf(coupon))
                    + "\"},\"intendedUse\":" + INTENDED_USE.formatted(till.merchantId, till.storeId, till.terminalId) + "}";
            return till.post(client, "/api/v1/redemptions", body, "bench-" + run + "-" + coupon);
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
