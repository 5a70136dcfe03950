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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

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
    /** Set by a flush waiting for the writer, which ends the writer's linger. */
    private final AtomicBoolean flushWaiting = new AtomicBoolean();
    private final Counter appendedBySearches;
    private volatile boolean running;
    private Thread writer;

    SearchLog(UsageLog usageLog, MeterRegistry meters, @Value("${coupons.search.log-capacity:20000}") int capacity,
              @Value("${coupons.search.log-linger:20ms}") Duration linger) {
        this.usageLog = usageLog;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.linger = linger;
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
            usageLog.appendSearches(new UsageColumns().add(at, events));
        } else if (!waiting.offer(search)) {
            appendedBySearches.increment();
            usageLog.appendSearches(new UsageColumns().add(at, events));
        }
    }

    /** Returns once every search handed over before the call is in the usage log. */
    public void flush() {
        Flush flush = new Flush(new CountDownLatch(1));
        try {
            if (running) {
                waiting.put(flush);
                flushWaiting.set(true);
                LockSupport.unpark(writer);
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
        writer = new Thread(this::write, "search-log-writer");
        writer.setDaemon(true);
        running = true;
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
                linger(batch.get(0));
            } catch (InterruptedException stopping) {
                // stop() wakes the writer; what was handed over is still written below
            }
            flushWaiting.set(false);
            waiting.drainTo(batch);
            writeAll(batch);
            batch.clear();
        }
    }

    /**
     * Lets searches gather for the linger after the first, so that one statement and one commit carry the events of
     * many searches rather than of the few that arrived during the last statement. The writer sleeps rather than
     * waits on the queue: a search handing its events over then wakes no thread. A flush ends the linger, so that the
     * report asking for it does not wait for it; one that comes after the writer has taken what is waiting ends the
     * next linger at once.
     */
    private void linger(Entry first) {
        if (first instanceof Flush) {
            return;
        }
        long until = System.nanoTime() + linger.toNanos();
        for (long left = linger.toNanos(); left > 0 && running && !flushWaiting.get(); left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Writes the batch in order, one statement up to each flush in it, and answers that flush once it is written. */
    private void writeAll(List<Entry> batch) {
        UsageColumns events = new UsageColumns();
        for (Entry entry : batch) {
            if (entry instanceof Search search) {
                events.add(search.at(), search.events());
            } else if (entry instanceof Flush flush) {
                writeWithRetries(events);
                events = new UsageColumns();
                flush.written().countDown();
            }
        }
        writeWithRetries(events);
    }

    private void writeWithRetries(UsageColumns events) {
        Duration backoff = Duration.ofSeconds(1);
        while (events.count() > 0) {
            try {
                usageLog.appendSearches(events);
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.error("stopping: {} search usage events could not be written and are lost", events.count(), e);
                    return;
                }
                log.error("could not append {} search usage events; retrying in {}", events.count(), backoff, e);
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
