package com.cardcoupons.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relay benchmark's results as Markdown, for docs/benchmarks.md: each measure with its percentiles and answers;
 * the parallel fan-out's ratio at the median, two ways (against the sequential fan-out: a payment without a coupon
 * against what the same relay would take sending its legs one after the other, the search alone plus the payment with
 * its search answered at once; and, stricter, against the two legs measured alone, as if the relay itself cost
 * nothing); the time the relay adds on top of the settlement leg (a payment whose search answers at once, less the
 * authorization alone) at p50 and p99; and a discounted payment against its bar of two legs plus 15 ms.
 */
record RelayReport(RelayOptions options, String database, List<Measure> measures) {

    static final double FAN_OUT_GOAL = 0.55;
    static final double DISCOUNT_ALLOWANCE_MS = 15;

    /** A measured period and what its calls were answered. */
    record Measure(LoadRun.Result result, Map<String, Long> outcomes) {
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        md.append("- Load: ").append(options.describe()).append("\n");
        md.append("- Database: ").append(database).append("\n\n");
        md.append("| Measure | Throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Failures | Answers |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Measure measure : measures) {
            LoadRun.Result load = measure.result();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s | %s |%n", load.name(),
                    load.throughput(), load.millis(50), load.millis(95), load.millis(99),
                    load.latencyMicros().getMaxValue() / 1000.0,
                    (load.failures().isEmpty() ? "none" : load.failures().toString())
                            + (load.ranOut() ? "; ran out of cards with a coupon" : ""),
                    measure.outcomes().isEmpty() ? "" : measure.outcomes().toString()));
        }
        double search = measures.get(0).result().millis(50);
        double authorization = measures.get(1).result().millis(50);
        double payment = measures.get(2).result().millis(50);
        double withoutSearch = measures.get(3).result().millis(50);
        double sequential = payment / (search + withoutSearch);
        double legsAlone = payment / (search + authorization);
        md.append("\n| Target | Measured | Met |\n|---|---:|---|\n");
        md.append(String.format(Locale.ROOT, "| parallel / sequential fan-out: payment without a coupon / (search alone + "
                        + "payment with the search answered at once), p50, <= %.2f | %.3f (%.2f / (%.2f + %.2f) ms) | %s |%n",
                FAN_OUT_GOAL, sequential, payment, search, withoutSearch, sequential <= FAN_OUT_GOAL ? "yes" : "**no**"));
        md.append(String.format(Locale.ROOT, "| stricter: payment without a coupon / (search + authorization alone), p50, "
                        + "<= %.2f | %.3f (%.2f / (%.2f + %.2f) ms) | %s |%n", FAN_OUT_GOAL, legsAlone, payment, search,
                authorization, legsAlone <= FAN_OUT_GOAL ? "yes" : "**no**"));
        double discounted = measures.get(4).result().millis(50);
        double twoLegs = search + authorization;
        md.append(String.format(Locale.ROOT, "| payment with a 10%% coupon: two legs (the search, then the hold beside the "
                        + "discounted authorization), p50 <= search alone + authorization alone + %.0f ms | %.2f ms (bar %.2f ms) "
                        + "| %s |%n", DISCOUNT_ALLOWANCE_MS, discounted, twoLegs + DISCOUNT_ALLOWANCE_MS,
                discounted <= twoLegs + DISCOUNT_ALLOWANCE_MS ? "yes" : "**no**"));
        md.append(String.format(Locale.ROOT, "%n| Time the relay adds on top of the settlement leg | p50 (ms) | p99 (ms) |%n"
                        + "|---|---:|---:|%n| payment with the search answered at once - authorization alone | %.2f | %.2f |%n",
                withoutSearch - authorization, measures.get(3).result().millis(99) - measures.get(1).result().millis(99)));
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
