package com.cardcoupons.benchmarks;

import com.cardcoupons.model.schema.DatabaseRole;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settlement relay under load, as deployed: coupon-server, the relay and the settlement center simulator each in a
 * JVM of its own on one database, with the same latency on both legs of a payment (the simulator's own latency on
 * every authorization, and a delaying proxy in front of coupon-server). It measures the coupon search alone and the
 * authorization alone, then payments without a coupon (with the search as slow as the authorization, and answered at
 * once) and with one, and reports end-to-end percentiles and how the relay's parallel fan-out compares with a
 * sequential one and with the two legs alone ({@link RelayReport}). Run by {@code benchmarks/run-relay}.
 */
public final class RelayBenchmark {

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RelayOptions options = RelayOptions.parse(args);
        log("relay benchmark: " + options.describe());
        try (BenchDatabase database = BenchDatabase.open(Options.parse(databaseArguments(options)))) {
            log("database: " + database.description());
            RelayWorld.seed(database, options);
            log("seeded " + options.couponCards() + " cards with a coupon, " + options.threads() + " tills");
            List<String> platform = List.of(
                    "--coupons.card-token.key=" + options.cardTokenKey(),
                    "--coupons.gateway-trust.shared-secret=" + options.gatewaySecret());
            int isoPort = ServiceProcess.freePort();
            try (ServiceProcess settlementCenter = ServiceProcess.start(options.repository(), "settlement-center-simulator",
                         List.of("--settlement-center.latency.authorization=" + options.legLatency().toMillis() + "ms",
                                 "--settlement-center.iso.port=" + isoPort));
                 ServiceProcess couponServer = ServiceProcess.start(options.repository(), "coupon-server",
                         with(platform, database.connectionArguments(DatabaseRole.TILL)));
                 DelayingProxy slowCouponServer = new DelayingProxy(couponServer.port(), options.legLatency());
                 ServiceProcess relay = ServiceProcess.start(options.repository(), "settlement-relay", with(with(platform,
                         database.connectionArguments(DatabaseRole.RELAY)),
                         "--relay.coupon-server.url=" + slowCouponServer.url(),
                         "--relay.settlement-center.port=" + isoPort));
                 RelayCalls calls = new RelayCalls(options)) {
                log("services: coupon-server " + couponServer.url() + " behind " + slowCouponServer.url() + ", relay "
                        + relay.url() + ", settlement center's ISO 8583 host on port " + isoPort);
                List<RelayReport.Measure> measures = new ArrayList<>();
                measures.add(measure("coupon search alone", calls.search(slowCouponServer.url()), calls, options));
                measures.add(measure("authorization alone", calls.authorization(isoPort), calls, options));
                measures.add(measure("payment, no coupon", calls.payment(relay.url(), false), calls, options));
                // what the payment costs besides its search: a relay fanning out one leg after the other would take
                // this plus the search alone
                slowCouponServer.delay(Duration.ZERO);
                measures.add(measure("payment, no coupon, search answered at once", calls.payment(relay.url(), false),
                        calls, options));
                slowCouponServer.delay(options.legLatency());
                measures.add(measure("payment, 10% coupon", calls.payment(relay.url(), true), calls, options));
                RelayReport report = new RelayReport(options, database.description(), measures);
                report.write(options.out());
                System.out.println();
                System.out.println(report.markdown());
                log("written to " + options.out().toAbsolutePath());
            }
        }
    }

    /** A warm-up, then a measured period, with the answers of the measured period only. */
    private static RelayReport.Measure measure(String name, LoadRun.Call call, RelayCalls calls, RelayOptions options)
            throws Exception {
        LoadRun.run("warm-up", options.threads(), Duration.ZERO, options.warmup(), call);
        calls.takeOutcomes();
        LoadRun.Result result = LoadRun.run(name, options.threads(), Duration.ZERO, options.duration(), call);
        Map<String, Long> outcomes = calls.takeOutcomes();
        log(String.format(Locale.ROOT, "%s: %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, failures %s, answers %s", name,
                result.throughput(), result.millis(50), result.millis(95), result.millis(99), result.failures(), outcomes));
        return new RelayReport.Measure(result, outcomes);
    }

    private static String[] databaseArguments(RelayOptions options) {
        return options.dbUrl() == null ? new String[0] : new String[] {"--db-url=" + options.dbUrl(),
                "--db-user=" + options.dbUser(), "--db-password=" + options.dbPassword()};
    }

    private static List<String> with(List<String> arguments, String... more) {
        return with(arguments, List.of(more));
    }

    private static List<String> with(List<String> arguments, List<String> more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more);
        return all;
    }

    private static void log(String line) {
        System.out.println("[relay benchmark] " + line);
    }
}
