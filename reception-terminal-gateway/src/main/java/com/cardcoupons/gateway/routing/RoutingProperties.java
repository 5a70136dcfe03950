package com.cardcoupons.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the instances of each service are and which paths go to each service: every route has its own timeout, and
 * shares its service's circuit breaker. A service of several instances has each read for readiness every
 * {@code healthInterval}. Each service's health is also reachable at {@code /services/{service}/actuator/health/**}.
 */
@ConfigurationProperties("coupons.gateway.routing")
public record RoutingProperties(Map<String, List<URI>> services, List<Route> routes, Duration connectTimeout,
        Duration healthTimeout, Duration healthInterval) {

    public RoutingProperties {
        services = services == null ? Map.of() : copy(services);
        routes = routes == null ? List.of() : List.copyOf(routes);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        healthInterval = healthInterval == null ? Duration.ofSeconds(1) : healthInterval;
        for (Route route : routes) {
            if (!services.containsKey(route.service())) {
                throw new IllegalArgumentException("route " + route.id() + " names an unknown service " + route.service());
            }
        }
    }

    /** The first instance of the service: any of them serves the same API document. */
    public URI uriOf(String service) {
        return services.get(service).get(0);
    }

    private static Map<String, List<URI>> copy(Map<String, List<URI>> services) {
        Map<String, List<URI>> copy = new LinkedHashMap<>();
        services.forEach((service, instances) -> {
            if (instances == null || instances.isEmpty()) {
                throw new IllegalArgumentException("service " + service + " has no instance");
            }
            copy.put(service, List.copyOf(instances));
        });
        return Map.copyOf(copy);
    }

    /**
     * Paths that go to one service, and how long the gateway waits for its answer to begin. An {@code idempotent}
     * route's calls may be repeated on another instance even after they may have reached the first one (a search
     * changes nothing but the accumulated search figures); other calls only when they are GETs or carry an
     * {@code Idempotency-Key}, which the service replays.
     */
    public record Route(String id, String service, List<String> paths, Duration timeout, boolean idempotent) {

        public Route {
            if (id == null || service == null || paths == null || paths.isEmpty() || timeout == null) {
                throw new IllegalArgumentException("a route has an id, a service, paths and a timeout");
            }
            paths = List.copyOf(paths);
        }
    }
}
