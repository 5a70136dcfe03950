package com.cardcoupons.couponserver.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where searches leave their usage events (claims 2 and 12): a search hands them over and answers the terminal at
 * once, and one writer appends what the searches handed over within {@code coupons.search.log-linger} in one statement.
 * While the database keeps up the log trails the searches by the linger and a statement; a report first waits for
 * what was handed over before it was asked ({@link #flush}). When more than {@code coupons.search.log-capacity}
 * searches are waiting, a search appends its own events before it answers, so a slow database slows the searches down
 * rather than the log losing them. A crash loses what was handed over but not yet written, the last moment's search
 * records, which committing them without waiting for the WAL already risked; never a use, which is written with the
 * use.
 */
@Component
public class SearchLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final UsageLog usageLog;
    private final BlockingQueue<Entry> waiting;
    private final Duration linger;
    private final int capacity;
    private final Counter appendedBySearches;
    private volatile boolean running;
    private Thread writer;

    SearchLog(UsageLog usageLog, MeterRegistry meters, @Value("${coupons.search.log-capacity:20000}") int capacity,
              @Value("${coupons.search.log-linger:20ms}") Duration linger) {
        this.usageLog = usageLog;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.linger = linger;
        this.capacity = capacity;
        Gauge.builder("coupons.search.log.waiting", waiting, BlockingQueue::size)
                .description("Searches whose usage events are handed over but not yet in the usage log")
                .register(meters);
        this.appendedBySearches = Counter.builder("coupons.search.log.appended-by-search")
                .description("Searches that found the search log full and appended their usage events themselves")
                .register(meters);
    }

    /** Hands over the events of a search made at {@code at}. */
    public void append(Instant at, List<UsageEvent> events) {
        Search search = new Search(at, events);
        if (!running) {
            usageLog.appendSearches(new UsageRows().add(at, events));
        } else if (!waiting.offer(search)) {
            appendedBySearches.increment();
            usageLog.appendSearches(new UsageRows().add(at, events));
        }
    }

    /** Returns once every search handed over before the call is in the usage log. */
    public void flush() {
        Flush flush = new Flush(new CountDownLatch(1));
        try {
            if (running) {
                waiting.put(flush);
                if (!flush.written().await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the usage log did not catch up with the searches within a minute");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the usage log", e);
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::write, "search-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** After the web server has stopped taking searches: what is handed over is written before the database closes. */
    @Override
    public void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void write() {
        List<Entry> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                batch.add(waiting.take());
                gather(batch);
            } catch (InterruptedException stopping) {
                // stop() wakes the writer; what was handed over is still written below
            }
            waiting.drainTo(batch);
            writeAll(batch);
            batch.clear();
        }
    }

    /**
     * Waits up to the linger for more searches after the first, so that one statement and one commit carry the events
     * of many searches rather than of the few that arrived during the last statement. It gathers no more than the log
     * holds, so that what is in the writer's hands is bounded too. A flush ends the wait: the report asking for it
     * should not wait for the linger.
     */
    private void gather(List<Entry> batch) throws InterruptedException {
        long until = System.nanoTime() + linger.toNanos();
        while (batch.size() < capacity && !(batch.get(batch.size() - 1) instanceof Flush)) {
            long left = until - System.nanoTime();
            Entry next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void writeAll(List<Entry> batch) {
        UsageRows rows = new UsageRows();
        for (Entry entry : batch) {
            if (entry instanceof Search search) {
                if (rows.count() + search.events().size() > UsageRows.maxPerStatement()) {
                    writeWithRetries(rows);
                    rows = new UsageRows();
                }
                rows.add(search.at(), search.events());
            } else if (entry instanceof Flush flush) {
                writeWithRetries(rows);
                rows = new UsageRows();
                flush.written().countDown();
            }
        }
        writeWithRetries(rows);
    }

    private void writeWithRetries(UsageRows rows) {
        Duration backoff = Duration.ofSeconds(1);
        while (rows.count() > 0) {
            try {
                usageLog.appendSearches(rows);
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.error("stopping: {} search usage events could not be written and are lost", rows.count(), e);
                    return;
                }
                log.error("could not append {} search usage events; retrying in {}", rows.count(), backoff, e);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private sealed interface Entry permits Search, Flush {
    }

    private record Search(Instant at, List<UsageEvent> events) implements Entry {
    }

    private record Flush(CountDownLatch written) implements Entry {
    }
}
