package com.cardcoupons.gateway.routing;

import com.cardcoupons.platform.servlet.BufferedRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends a call to an instance of its service ({@link ServiceInstances}), and to another when the first fails before
 * answering: always when the call never reached it (the connection was refused or not made), which also takes the
 * instance out of the rotation; otherwise only when the call may be repeated: a GET or HEAD, a call with an
 * {@code Idempotency-Key} (the service replays the outcome of one that got through) or a call of an idempotent
 * route. A call that timed out is not repeated: it may still be running. Each instance is tried once at most.
 */
final class Failover implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(Failover.class);
    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ServiceInstances instances;
    private final boolean idempotentRoute;

    Failover(ServiceInstances instances, boolean idempotentRoute) {
        this.instances = instances;
        this.idempotentRoute = idempotentRoute;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        if (instances.size() == 1) {
            request.attributes().put(MvcUtils.GATEWAY_REQUEST_URL_ATTR, instances.all().get(0));
            return next.handle(request);
        }
        // read once, so that another instance can be sent the same body; the request-size filter bounded it
        HttpServletRequest servlet = request.servletRequest();
        ServerRequest replayable = ServerRequest.create(
                new BufferedRequest(servlet, servlet.getInputStream().readAllBytes()), request.messageConverters());
        boolean repeatable = idempotentRoute || REPEATABLE.contains(request.method())
                || request.headers().firstHeader("Idempotency-Key") != null;
        List<URI> tried = new ArrayList<>(instances.size());
        while (true) {
            URI instance = instances.choose(tried);
            replayable.attributes().put(MvcUtils.GATEWAY_REQUEST_URL_ATTR, instance);
            try {
                return next.handle(replayable);
            } catch (RuntimeException e) {
                IOException failure = ProxyFailures.ioFailure(e);
                if (failure == null) {
                    throw e;
                }
                tried.add(instance);
                boolean neverSent = ProxyFailures.neverSent(failure);
                if (neverSent) {
                    instances.down(instance, failure.toString());
                }
                if (!(neverSent || repeatable && !ProxyFailures.timedOut(failure)) || tried.size() >= instances.size()) {
                    throw e;
                }
                log.info("{} {} failed on {} ({}); sending it to another instance of {}", request.method(),
                        request.path(), instance, failure, instances.service());
            }
        }
    }
}
