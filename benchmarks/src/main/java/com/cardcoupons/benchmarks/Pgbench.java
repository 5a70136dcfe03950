package com.cardcoupons.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pgbench} on the benchmark's own database, with as many clients as the HTTP load, so coupon-server's
 * figures read as a share of what the database alone can do: {@code -S} (one indexed select per transaction) for
 * the search, {@code -N} (simple update: an update, a select and an insert) for the redemption. The benchmark runs it
 * before and after each phase, as the machine's pace moves between runs and within one.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final String executable;
    private final BenchDatabase database;

    Pgbench(String executable, BenchDatabase database) {
        this.executable = executable;
        this.database = database;
    }

    void initialise(int scale) throws IOException, InterruptedException {
        run(List.of("-i", "-q", "-s", Integer.toString(scale)), Duration.ofMinutes(10));
    }

    /** Runs the series' script for {@code --pgbench-duration} with as many clients as the load, and adds its figure. */
    void measure(Series series, Options options) throws IOException, InterruptedException {
        double tps = tps(series.mode(), options.threads(), options.pgbenchDuration());
        series.figures().add(tps);
        System.out.println("[benchmark] pgbench " + series.mode() + ": " + Math.round(tps) + " tps");
    }

    /** The figures of one script, taken next to each phase of a run, in order. */
    record Series(String mode, List<Double> figures) {

        Series(String mode) {
            this(mode, new ArrayList<>());
        }

        double mean() {
            return figures.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** The mean of the figures taken just before and just after phase {@code index} of this series. */
        double around(int index) {
            return (figures.get(index) + figures.get(index + 1)) / 2;
        }

        /** (highest - lowest) / mean: how far the machine's pace moved during the run. */
        double spread() {
            double min = figures.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = figures.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            return (max - min) / mean();
        }
    }

    /** Transactions per second of one built-in script ({@code -S} or {@code -N}). */
    double tps(String mode, int clients, Duration duration) throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        String output = run(List.of(mode, "-n", "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Long.toString(duration.toSeconds())), duration.plusMinutes(2));
        Matcher matcher = TPS.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private String run(List<String> arguments, Duration limit) throws IOException, InterruptedException {
        URI address = database.address();
        List<String> command = new ArrayList<>(List.of(executable, "-h", address.getHost(), "-p",
                Integer.toString(address.getPort()), "-U", database.user()));
        command.addAll(arguments);
        command.add(address.getPath().substring(1));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }
}
