package com.cardcoupons.gateway.routing;

import com.cardcoupons.platform.problem.Problems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stands between a route and its service. A service that cannot be reached, or whose circuit breaker is open,
 * is answered at once with {@code 503 SERVICE_UNAVAILABLE}; one that does not start answering within the route's
 * timeout with {@code 504 SERVICE_TIMEOUT}. Both, and a service answering 502, 503 or 504 itself, count as
 * failures for the breaker. Only the outcome after {@link Failover} tried another instance counts.
 */
final class DownstreamGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(DownstreamGuard.class);
    private static final Set<Integer> UNHEALTHY = Set.of(502, 503, 504);

    private final String service;
    private final CircuitBreaker breaker;
    private final long retryAfterSeconds;

    /** {@code breaker} may be null: then failures are still answered as Problem Details, but not counted. */
    DownstreamGuard(String service, CircuitBreaker breaker) {
        this.service = service;
        this.breaker = breaker;
        this.retryAfterSeconds = breaker == null ? 1
                : Math.max(1, breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) / 1000);
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        if (breaker != null && !breaker.tryAcquirePermission()) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    service + " is unavailable (circuit open); retry later");
        }
        long start = System.nanoTime();
        ServerResponse response;
        try {
            response = next.handle(request);
        } catch (RuntimeException e) {
            IOException failure = ProxyFailures.ioFailure(e);
            if (failure == null) {
                if (breaker != null) {
                    breaker.releasePermission();
                }
                throw e;
            }
            record(start, failure);
            return answerTo(request, failure);
        } catch (Exception | Error other) {
            if (breaker != null) {
                breaker.releasePermission();
            }
            throw other;
        }
        if (UNHEALTHY.contains(response.statusCode().value())) {
            record(start, new DownstreamUnhealthy(response.statusCode()));
        } else if (breaker != null) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return response;
    }

    private void record(long start, Throwable failure) {
        if (breaker != null) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
        }
    }

    private ServerResponse answerTo(ServerRequest request, IOException failure) {
        // a connect timeout means the service is not there (503), a read timeout that it is too slow (504)
        if (ProxyFailures.timedOut(failure)) {
            log.warn("{} did not answer in time", service);
            return problem(request, HttpStatus.GATEWAY_TIMEOUT, "SERVICE_TIMEOUT", service + " did not answer in time");
        }
        log.warn("{} could not be reached: {}", service, failure.toString());
        return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", service + " is unavailable; retry later");
    }

    private ServerResponse problem(ServerRequest request, HttpStatus status, String code, String detail) {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setInstance(URI.create(request.servletRequest().getRequestURI()));
        problem.setProperty("service", service);
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return builder.body(problem);
    }

    /** A service's own answer that it is not well (502, 503, 504), counted as a failure by the breaker. */
    static final class DownstreamUnhealthy extends RuntimeException {

        DownstreamUnhealthy(HttpStatusCode status) {
            super("answered " + status.value(), null, false, false);
        }
    }
}
