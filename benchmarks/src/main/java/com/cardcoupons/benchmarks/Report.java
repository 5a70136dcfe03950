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

/** The run's results as Markdown, ready to paste into docs/benchmarks.md, with the targets checked. */
record Report(Options options, String database, List<String> targets, Duration seeding, List<LoadRun.Result> loads,
              double pgbenchSelect, double pgbenchSimpleUpdate) {

    private static final double SEARCH_SHARE_TARGET = 0.15;
    private static final double REDEMPTION_SHARE_TARGET = 0.30;
    private static final double SEARCH_P99_TARGET_MS = 10.0;

    String markdown() {
        LoadRun.Result search = loads.get(0);
        LoadRun.Result redemption = loads.get(1);
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        md.append("- Data: ").append(options.describe()).append("\n");
        md.append("- Database: ").append(database).append("; seeded in ").append(seeding.toSeconds()).append(" s\n");
        targets.forEach(target -> md.append("- Target: ").append(target).append("\n"));
        md.append("\n");
        md.append("| Measure | Throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Failures |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (LoadRun.Result load : loads) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s |%n", load.name(),
                    load.throughput(), load.millis(50), load.millis(95), load.millis(99),
                    load.latencyMicros().getMaxValue() / 1000.0,
                    failures(load.failures()) + (load.ranOut() ? "; ran out of fresh coupons" : "")));
        }
        md.append(String.format(Locale.ROOT, "| pgbench -S | %.0f | | | | | |%n", pgbenchSelect));
        md.append(String.format(Locale.ROOT, "| pgbench -N | %.0f | | | | | |%n%n", pgbenchSimpleUpdate));
        double searchShare = search.throughput() / pgbenchSelect;
        double redemptionShare = redemption.throughput() / pgbenchSimpleUpdate;
        md.append("| Target | Measured | Met |\n|---|---:|---|\n");
        md.append(String.format(Locale.ROOT, "| search p99 < %.0f ms | %.2f ms | %s |%n", SEARCH_P99_TARGET_MS,
                search.millis(99), yes(search.millis(99) < SEARCH_P99_TARGET_MS)));
        md.append(String.format(Locale.ROOT, "| search >= %.0f%% of pgbench -S | %.1f%% | %s |%n", SEARCH_SHARE_TARGET * 100,
                searchShare * 100, yes(searchShare >= SEARCH_SHARE_TARGET)));
        md.append(String.format(Locale.ROOT, "| redemption >= %.0f%% of pgbench -N | %.1f%% | %s |%n",
                REDEMPTION_SHARE_TARGET * 100, redemptionShare * 100, yes(redemptionShare >= REDEMPTION_SHARE_TARGET)));
        if (loads.size() == 4) {
            md.append("\n| Through the gateway | at the service | via the gateway | added |\n|---|---:|---:|---:|\n");
            gatewayCost(md, "search", search, loads.get(2));
            gatewayCost(md, "redemption", redemption, loads.get(3));
        }
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }

    private static void gatewayCost(StringBuilder md, String name, LoadRun.Result direct, LoadRun.Result viaGateway) {
        md.append(String.format(Locale.ROOT, "| %s p50 | %.2f ms | %.2f ms | %.2f ms |%n", name, direct.millis(50),
                viaGateway.millis(50), viaGateway.millis(50) - direct.millis(50)));
        md.append(String.format(Locale.ROOT, "| %s throughput | %.0f/s | %.0f/s | %.0f%% of it |%n", name,
                direct.throughput(), viaGateway.throughput(), 100 * viaGateway.throughput() / direct.throughput()));
    }

    private static String failures(Map<Integer, Long> failures) {
        return failures.isEmpty() ? "none" : failures.toString();
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
