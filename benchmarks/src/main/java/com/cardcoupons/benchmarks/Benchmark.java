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
                List<Phase> phases = new ArrayList<>();
                Pgbench.Series selects = new Pgbench.Series("-S");
                Pgbench.Series updates = new Pgbench.Series("-N");
                try (Tills direct = options.headers().isEmpty()
                        ? Tills.firstOfEachMerchant(merchant -> Target.asFirstTillOf(merchant, baseUrl, Map.of(), options))
                        : Tills.only(Target.of(baseUrl, options));
                     BenchGateway gateway = options.gateway() ? BenchGateway.start(database, options, baseUrl) : null;
                     Tills viaGateway = gateway == null ? null
                             : Tills.firstOfEachMerchant(merchant -> Target.asFirstTillOf(merchant, gateway.url(),
                                     Options.header(gateway.apiKeyHeader(merchant)), options))) {
                    targets.add(direct.bench().describe());
                    CpuMeter cpu = new CpuMeter(gateway == null ? null : gateway.process());
                    if (viaGateway != null) {
                        targets.add("the reception-terminal gateway at " + viaGateway.bench().describe()
                                + " (a key for each merchant's first till), in front of " + baseUrl);
                        // a fresh JVM: its compilers need longer than a phase's warm-up on two busy cores
                        log("warming the gateway up for " + options.gatewayWarmup().toSeconds() + " s");
                        LoadRun.warmUp(options.threads(), options.gatewayWarmup(), search(viaGateway.bench(), options));
                    }
                    // pgbench next to every phase, so a change of the machine's pace shows in the ratios' spread
                    pgbench.measure(selects, options);
                    phases.add(phase("search", direct, options, cpu, search(direct.bench(), options)));
                    pgbench.measure(selects, options);
                    if (viaGateway != null) {
                        phases.add(phase("search via gateway", viaGateway, options, cpu, search(viaGateway.bench(), options)));
                        pgbench.measure(selects, options);
                    }
                    pgbench.measure(updates, options);
                    phases.add(phase("redemption", direct, options, cpu, redemption(direct, fresh)));
                    pgbench.measure(updates, options);
                    if (viaGateway != null) {
                        phases.add(phase("redemption via gateway", viaGateway, options, cpu, redemption(viaGateway, fresh)));
                        pgbench.measure(updates, options);
                    }
                }
                Report report = new Report(options, database.description(), targets, seeded, phases, selects, updates);
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

    /** A measured load and what a call cost each process. */
    record Phase(LoadRun.Result load, CpuMeter.Use cpu) {
    }

    private static Phase phase(String name, Tills tills, Options options, CpuMeter cpu, LoadRun.Call call) throws Exception {
        log(name + ": " + tills.bench().describe());
        LoadRun.warmUp(options.threads(), options.warmup(), call);
        CpuMeter.Reading before = cpu.read();
        LoadRun.Result result = LoadRun.measure(name, options.threads(), options.duration(), call);
        long calls = result.succeeded() + result.failures().values().stream().mapToLong(Long::longValue).sum();
        CpuMeter.Use use = cpu.read().since(before, calls);
        log(name + ": " + summary(result) + String.format(java.util.Locale.ROOT,
                "; CPU a call: this JVM %.0f µs, gateway %.0f µs, PostgreSQL %.0f µs", use.harness(), use.gateway(), use.postgres()));
        return new Phase(result, use);
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
