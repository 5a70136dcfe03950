package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.MdcPropagation;
import com.cardcoupons.relay.card.PresentedCard;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the coupon search on its own threads, beside the authorization, within a strict budget: a Resilience4j time
 * limiter (150 ms by default) inside a circuit breaker, so a slow or failing coupon-server stops being asked for a
 * while. The search never fails and never blocks a payment: when it cannot answer in time, its answer is
 * "coupon unavailable" and the payment goes on at full price. The search itself is not cancelled when its budget
 * ends: its late answer is still given ({@link Search#late()}), for a discount that can still be applied after the
 * payment was approved.
 */
@Component
public class CouponSearch implements DisposableBean {

    public static final String BREAKER = "coupon-server";
    public static final String BUDGET = "coupon-search";

    private static final Logger log = LoggerFactory.getLogger(CouponSearch.class);

    private final CouponServer couponServer;
    private final CircuitBreaker breaker;
    private final TimeLimiter budget;
    private final ThreadPoolTaskExecutor searches;
    private final ScheduledExecutorService timer;

    CouponSearch(CouponServer couponServer, CircuitBreakerRegistry breakers, TimeLimiterRegistry budgets,
            CouponServerProperties properties) {
        this.couponServer = couponServer;
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.budget = budgets.timeLimiter(BUDGET);
        this.searches = new ThreadPoolTaskExecutor();
        this.searches.setThreadNamePrefix("coupon-search-");
        this.searches.setCorePoolSize(properties.searchThreads());
        this.searches.setMaxPoolSize(properties.searchThreads());
        this.searches.setQueueCapacity(properties.searchQueue());
        this.searches.setTaskDecorator(new MdcPropagation());
        this.searches.initialize();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "coupon-search-budget");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A search under way: its answer within the budget ({@code inBudget}, never a failure), and the same search's
     * answer whenever it comes, within the client's read timeout ({@code late}, "unavailable" if it fails).
     */
    public record Search(CompletableFuture<CouponOffer> inBudget, CompletableFuture<CouponOffer> late) {
    }

    /** Starts the search now and returns at once. */
    public Search start(CallerIdentity terminal, PresentedCard card, IntendedUse intendedUse) {
        long started = System.nanoTime();
        AtomicReference<CompletableFuture<CouponOffer>> asked = new AtomicReference<>();
        Supplier<CompletionStage<CouponOffer>> guarded = CircuitBreaker.decorateCompletionStage(breaker,
                () -> budget.executeCompletionStage(timer, () -> {
                    CompletableFuture<CouponOffer> search = CompletableFuture.supplyAsync(
                            () -> CouponOffer.of(couponServer.search(terminal, card, intendedUse), intendedUse.amount(),
                                    since(started)), searches);
                    asked.set(search);
                    // the time limiter ends the wait by failing the future it is given: a copy, so the search's own
                    // answer still comes
                    return search.copy();
                }));
        CompletableFuture<CouponOffer> inBudget;
        try {
            inBudget = guarded.get().toCompletableFuture()
                    .handle((offer, failure) -> failure == null ? offer : unavailable(failure, started));
        } catch (RuntimeException e) {
            inBudget = CompletableFuture.completedFuture(unavailable(e, started));
        }
        CompletableFuture<CouponOffer> late = asked.get() == null ? inBudget
                : asked.get().handle((offer, failure) -> failure == null ? offer : CouponOffer.unavailable(
                        "COUPON_SERVER_UNAVAILABLE", since(started)));
        return new Search(inBudget, late);
    }

    /**
     * Runs an empty task through the search's threads and time limiter (which counts it as one successful call),
     * outside the circuit breaker, whose record of coupon-server's health it must not touch: what the first search
     * would otherwise load and start itself.
     */
    void warmUp() {
        budget.executeCompletionStage(timer, () -> CompletableFuture.runAsync(() -> { }, searches))
                .toCompletableFuture().join();
    }

    private static CouponOffer unavailable(Throwable failure, long started) {
        Throwable cause = unwrap(failure);
        String reason;
        if (cause instanceof TimeoutException) {
            reason = "COUPON_SEARCH_TIMED_OUT";
        } else if (cause instanceof CallNotPermittedException) {
            reason = "COUPON_SERVER_CIRCUIT_OPEN";
        } else if (cause instanceof RejectedExecutionException) {
            reason = "COUPON_SEARCH_OVERLOADED";
        } else if (cause instanceof CouponServerRefusal) {
            reason = "COUPON_SEARCH_REFUSED";
        } else {
            reason = "COUPON_SERVER_UNAVAILABLE";
        }
        log.warn("coupon search unavailable ({}): {}", reason, cause.toString());
        return CouponOffer.unavailable(reason, since(started));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void destroy() {
        searches.shutdown();
        timer.shutdownNow();
    }
}
