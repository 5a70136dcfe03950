package com.cardcoupons.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's results as Markdown, ready to paste into docs/benchmarks.md, with the targets checked. */
record Report(Options options, String database, List<String> targets, Duration seeding, List<Benchmark.Phase> phases,
              Pgbench.Series selects, Pgbench.Series updates) {

    private static final double SEARCH_P99_TARGET_MS = 5.0;
    private static final double REDEMPTION_SHARE_TARGET = 0.30;
    private static final double GATEWAY_SEARCH_TARGET = 0.55;
    private static final double GATEWAY_SEARCH_AIM = 0.70;
    private static final double GATEWAY_REDEMPTION_TARGET = 0.75;
    private static final double GATEWAY_REDEMPTION_AIM = 0.85;
    private static final double GATEWAY_ADDED_P50_TARGET_MS = 0.5;

    String markdown() {
        boolean gateway = phases.size() == 4;
        LoadRun.Result search = phases.get(0).load();
        LoadRun.Result redemption = phases.get(gateway ? 2 : 1).load();
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        md.append("- Data: ").append(options.describe()).append("\n");
        md.append("- Database: ").append(database).append("; seeded in ").append(seeding.toSeconds()).append(" s\n");
        targets.forEach(target -> md.append("- Target: ").append(target).append("\n"));
        md.append("\n| Measure | Throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Failures "
                + "| CPU a call (µs): load and coupon-server JVM | gateway JVM | PostgreSQL |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Benchmark.Phase phase : phases) {
            LoadRun.Result load = phase.load();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %s |%n",
                    load.name(), load.throughput(), load.millis(50), load.millis(95), load.millis(99),
                    load.latencyMicros().getMaxValue() / 1000.0,
                    failures(load.failures()) + (load.ranOut() ? "; ran out of fresh coupons" : ""),
                    micros(phase.cpu().harness()), micros(phase.cpu().gateway()), micros(phase.cpu().postgres())));
        }
        md.append("\n");
        md.append(pgbench(selects, gateway ? "before the search, between it and the search via gateway, after that"
                : "before and after the search"));
        md.append(pgbench(updates, gateway ? "before the redemption, between it and the redemption via gateway, after that"
                : "before and after the redemption"));
        md.append("\n| Target | Measured | Met |\n|---|---:|---|\n");
        if (gateway) {
            LoadRun.Result searchVia = phases.get(1).load();
            LoadRun.Result redemptionVia = phases.get(3).load();
            double searchShare = searchVia.throughput() / search.throughput();
            double redemptionShare = redemptionVia.throughput() / redemption.throughput();
            double added = searchVia.millis(50) - search.millis(50);
            md.append(String.format(Locale.ROOT, "| search via gateway >= %.0f%% of search at the service (aim %.0f%%) | %.1f%% | %s |%n",
                    GATEWAY_SEARCH_TARGET * 100, GATEWAY_SEARCH_AIM * 100, searchShare * 100, met(searchShare, GATEWAY_SEARCH_TARGET, GATEWAY_SEARCH_AIM)));
            md.append(String.format(Locale.ROOT, "| redemption via gateway >= %.0f%% of redemption at the service (aim %.0f%%) | %.1f%% | %s |%n",
                    GATEWAY_REDEMPTION_TARGET * 100, GATEWAY_REDEMPTION_AIM * 100, redemptionShare * 100,
                    met(redemptionShare, GATEWAY_REDEMPTION_TARGET, GATEWAY_REDEMPTION_AIM)));
            md.append(String.format(Locale.ROOT, "| p50 the gateway adds to a search <= %.1f ms | %.2f ms | %s |%n",
                    GATEWAY_ADDED_P50_TARGET_MS, added, yes(added <= GATEWAY_ADDED_P50_TARGET_MS)));
        }
        md.append(String.format(Locale.ROOT, "| search p99 at the service < %.0f ms | %.2f ms | %s |%n", SEARCH_P99_TARGET_MS,
                search.millis(99), yes(search.millis(99) < SEARCH_P99_TARGET_MS)));
        double redemptionShare = redemption.throughput() / updates.around(0);
        md.append(String.format(Locale.ROOT, "| redemption >= %.0f%% of pgbench -N (the runs before and after it) | %.1f%% | %s |%n",
                REDEMPTION_SHARE_TARGET * 100, redemptionShare * 100, yes(redemptionShare >= REDEMPTION_SHARE_TARGET)));
        md.append(String.format(Locale.ROOT, "%nTracked, no target: search at the service %.1f%% of pgbench -S (the runs before and after it).%n",
                100 * search.throughput() / selects.around(0)));
        if (gateway) {
            md.append("\n| Through the gateway | at the service | via the gateway | added |\n|---|---:|---:|---:|\n");
            gatewayCost(md, "search", phases.get(0), phases.get(1));
            gatewayCost(md, "redemption", phases.get(2), phases.get(3));
        }
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }

    private static String pgbench(Pgbench.Series series, String when) {
        return String.format(Locale.ROOT, "- pgbench %s, %s: %s tps (spread %.1f%%)%n", series.mode(), when,
                series.figures().stream().map(tps -> String.format(Locale.ROOT, "%,.0f", tps)).collect(Collectors.joining(", ")),
                100 * series.spread());
    }

    private static void gatewayCost(StringBuilder md, String name, Benchmark.Phase direct, Benchmark.Phase viaGateway) {
        LoadRun.Result at = direct.load();
        LoadRun.Result via = viaGateway.load();
        md.append(String.format(Locale.ROOT, "| %s p50 | %.2f ms | %.2f ms | %.2f ms |%n", name, at.millis(50),
                via.millis(50), via.millis(50) - at.millis(50)));
        md.append(String.format(Locale.ROOT, "| %s throughput | %.0f/s | %.0f/s | %.0f%% of it |%n", name,
                at.throughput(), via.throughput(), 100 * via.throughput() / at.throughput()));
        double before = direct.cpu().harness() + Math.max(0, direct.cpu().postgres());
        double after = viaGateway.cpu().harness() + Math.max(0, viaGateway.cpu().gateway()) + Math.max(0, viaGateway.cpu().postgres());
        md.append(String.format(Locale.ROOT, "| %s CPU a call, all processes | %.0f µs | %.0f µs | %.0f µs |%n", name,
                before, after, after - before));
    }

    private static String micros(double value) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String failures(Map<Integer, Long> failures) {
        return failures.isEmpty() ? "none" : failures.toString();
    }

    private static String met(double share, double target, double aim) {
        return share >= aim ? "yes, and the aim" : yes(share >= target);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
