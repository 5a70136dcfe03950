package com.cardcoupons.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's routes: each public API route to an instance of its service, behind that service's circuit breaker
 * and with the route's timeout; and each service's health at {@code /services/{service}/actuator/health/**} for
 * operators.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    ServiceProxies serviceProxies(RoutingProperties properties, GatewayMvcProperties gatewayProperties,
            ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHeaderFilters,
            ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHeaderFilters) {
        return new ServiceProxies(properties.connectTimeout(), gatewayProperties, requestHeaderFilters,
                responseHeaderFilters);
    }

    @Bean
    Services services(RoutingProperties properties) {
        Map<String, ServiceInstances> byName = new LinkedHashMap<>();
        properties.services().forEach((service, uris) -> byName.put(service, new ServiceInstances(service, uris)));
        return new Services(byName);
    }

    @Bean
    ServiceHealth serviceHealth(Services services, RoutingProperties properties) {
        return new ServiceHealth(List.copyOf(services.byName().values()), properties.healthInterval(),
                properties.healthTimeout());
    }

    @Bean
    RouterFunction<ServerResponse> apiRoutes(RoutingProperties properties, Services services, ServiceProxies proxies,
            CircuitBreakerRegistry breakers) {
        RouterFunction<ServerResponse> routes = null;
        for (RoutingProperties.Route route : properties.routes()) {
            RequestPredicate paths = route.paths().stream().map(RequestPredicates::path)
                    .reduce(RequestPredicate::or).orElseThrow();
            RouterFunction<ServerResponse> function = GatewayRouterFunctions.route(route.id())
                    .route(paths, proxies.withTimeout(route.timeout()))
                    .filter(new DownstreamGuard(route.service(), breakers.circuitBreaker(route.service())))
                    .filter(new Failover(services.byName().get(route.service()), route.idempotent()))
                    .build();
            routes = routes == null ? function : routes.and(function);
        }
        if (routes == null) {
            throw new IllegalStateException("coupons.gateway.routing.routes is empty");
        }
        return routes;
    }

    @Bean
    RouterFunction<ServerResponse> healthRoutes(RoutingProperties properties, Services services, ServiceProxies proxies) {
        RouterFunction<ServerResponse> routes = null;
        for (ServiceInstances service : services.byName().values()) {
            String prefix = "/services/" + service.service();
            RouterFunction<ServerResponse> function = GatewayRouterFunctions.route(service.service() + "-health")
                    .route(RequestPredicates.path(prefix + "/actuator/health/**"),
                            proxies.withTimeout(properties.healthTimeout()))
                    .before(BeforeFilterFunctions.rewritePath(prefix + "/(?<rest>.*)", "/${rest}"))
                    .filter(new DownstreamGuard(service.service(), null))
                    .filter(new Failover(service, true))
                    .build();
            routes = routes == null ? function : routes.and(function);
        }
        if (routes == null) {
            throw new IllegalStateException("coupons.gateway.routing.services is empty");
        }
        return routes;
    }

    /** The instances of every service, by the service's name. */
    record Services(Map<String, ServiceInstances> byName) {
    }
}
