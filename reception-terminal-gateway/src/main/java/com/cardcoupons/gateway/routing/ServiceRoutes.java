package com.cardcoupons.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.Map;

/**
 * The gateway's routes: each public API route to its service, behind that service's circuit breaker and with the
 * route's timeout; and each service's health at {@code /services/{service}/actuator/health/**} for operators.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    ServiceProxies serviceProxies(RoutingProperties properties, RestClient.Builder restClients,
            GatewayMvcProperties gatewayProperties,
            ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHeaderFilters,
            ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHeaderFilters) {
        return new ServiceProxies(properties.connectTimeout(), restClients, gatewayProperties, requestHeaderFilters,
                responseHeaderFilters);
    }

    @Bean
    RouterFunction<ServerResponse> apiRoutes(RoutingProperties properties, ServiceProxies proxies,
            CircuitBreakerRegistry breakers) {
        RouterFunction<ServerResponse> routes = null;
        for (RoutingProperties.Route route : properties.routes()) {
            RequestPredicate paths = route.paths().stream().map(RequestPredicates::path)
                    .reduce(RequestPredicate::or).orElseThrow();
            RouterFunction<ServerResponse> function = GatewayRouterFunctions.route(route.id())
                    .route(paths, proxies.to(properties.uriOf(route.service()), route.timeout()))
                    .filter(new DownstreamGuard(route.service(), breakers.circuitBreaker(route.service())))
                    .build();
            routes = routes == null ? function : routes.and(function);
        }
        if (routes == null) {
            throw new IllegalStateException("coupons.gateway.routing.routes is empty");
        }
        return routes;
    }

    @Bean
    RouterFunction<ServerResponse> healthRoutes(RoutingProperties properties, ServiceProxies proxies) {
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<String, URI> service : properties.services().entrySet()) {
            String prefix = "/services/" + service.getKey();
            RouterFunction<ServerResponse> function = GatewayRouterFunctions.route(service.getKey() + "-health")
                    .route(RequestPredicates.path(prefix + "/actuator/health/**"),
                            proxies.to(service.getValue(), properties.healthTimeout()))
                    .before(BeforeFilterFunctions.rewritePath(prefix + "/(?<rest>.*)", "/${rest}"))
                    .filter(new DownstreamGuard(service.getKey(), null))
                    .build();
            routes = routes == null ? function : routes.and(function);
        }
        if (routes == null) {
            throw new IllegalStateException("coupons.gateway.routing.services is empty");
        }
        return routes;
    }
}
