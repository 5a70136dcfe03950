package com.cardcoupons.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop load: each client sends its next request as soon as the last one answered, for a warm-up and then a
 * measured period, both bounded in time. Latency of every measured request goes into an HdrHistogram.
 */
final class LoadRun {

    /** One request; returns its HTTP status, or a negative number when there is nothing left to send. */
    interface Call {
        int send(int client) throws Exception;
    }

    /** What a measured period gave. */
    record Result(String name, long succeeded, Map<Integer, Long> failures, double seconds, Histogram latencyMicros,
                  boolean ranOut) {

        double throughput() {
            return succeeded / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private LoadRun() {
    }

    static Result run(String name, int clients, Duration warmup, Duration duration, Call call) throws Exception {
        measure("warm-up", clients, warmup, call);
        return measure(name, clients, duration, call);
    }

    /** The same load, unmeasured. */
    static void warmUp(int clients, Duration warmup, Call call) throws Exception {
        measure("warm-up", clients, warmup, call);
    }

    static Result measure(String name, int clients, Duration period, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + period.toNanos();
        List<Future<Client>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Client stats = new Client();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = call.send(client);
                    } catch (IOException e) {
                        // a refused or broken connection counts as a failure with status 0
                        status = 0;
                    }
                    if (status < 0) {
                        stats.ranOut = true;
                        break;
                    }
                    stats.record(status, (System.nanoTime() - sent) / 1_000);
                }
                return stats;
            }));
        }
        Client total = new Client();
        for (Future<Client> future : futures) {
            total.add(future.get(period.toSeconds() + 120, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return new Result(name, total.succeeded, total.failures, seconds, total.latency, total.ranOut);
    }

    private static final class Client {
        private final Histogram latency = new Histogram(3_600_000_000L, 3);
        private final Map<Integer, Long> failures = new TreeMap<>();
        private long succeeded;
        private boolean ranOut;

        void record(int status, long micros) {
            if (status >= 200 && status < 300) {
                succeeded++;
                latency.recordValue(Math.max(micros, 1));
            } else {
                failures.merge(status, 1L, Long::sum);
            }
        }

        void add(Client other) {
            latency.add(other.latency);
            other.failures.forEach((status, count) -> failures.merge(status, count, Long::sum));
            succeeded += other.succeeded;
            ranOut |= other.ranOut;
        }
    }
}
