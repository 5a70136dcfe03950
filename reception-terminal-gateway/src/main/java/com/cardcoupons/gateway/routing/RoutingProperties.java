package com.cardcoupons.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the services are and which paths go to each: every route has its own timeout, and shares its service's
 * circuit breaker. Each service's health is also reachable at {@code /services/{service}/actuator/health/**}.
 */
@ConfigurationProperties("coupons.gateway.routing")
public record RoutingProperties(Map<String, URI> services, List<Route> routes, Duration connectTimeout, Duration healthTimeout) {

    public RoutingProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        routes = routes == null ? List.of() : List.copyOf(routes);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        for (Route route : routes) {
            if (!services.containsKey(route.service())) {
                throw new IllegalArgumentException("route " + route.id() + " names an unknown service " + route.service());
            }
        }
    }

    public URI uriOf(String service) {
        return services.get(service);
    }

    /** Paths that go to one service, and how long the gateway waits for its answer to begin. */
    public record Route(String id, String service, List<String> paths, Duration timeout) {

        public Route {
            if (id == null || service == null || paths == null || paths.isEmpty() || timeout == null) {
                throw new IllegalArgumentException("a route has an id, a service, paths and a timeout");
            }
            paths = List.copyOf(paths);
        }
    }
}
