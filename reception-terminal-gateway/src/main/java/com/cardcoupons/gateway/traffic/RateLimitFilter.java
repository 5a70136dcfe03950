package com.cardcoupons.gateway.traffic;

import com.cardcoupons.gateway.authentication.AuthenticatedCaller;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per credential (Bucket4j). An exhausted bucket answers 429 with {@code Retry-After}: the whole
 * seconds until a token is back. Buckets live in this gateway instance's memory, bounded and evicted when idle.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String REMAINING = "X-RateLimit-Remaining";

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    RateLimitFilter(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return AuthenticatedCaller.of(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity caller = AuthenticatedCaller.of(request);
        Bucket bucket = buckets.get(caller.principal(), key -> newBucket(properties.forRole(caller.role())));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setHeader(REMAINING, "0");
            problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "too many requests for this API key; retry after " + seconds + " s"));
            return;
        }
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        chain.doFilter(request, response);
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
