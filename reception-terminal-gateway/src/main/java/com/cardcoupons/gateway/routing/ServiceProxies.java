package com.cardcoupons.gateway.routing;

import com.cardcoupons.platform.http.PooledHttpClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ClientHttpRequestFactoryProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the handler that forwards a route's calls to the instance {@link Failover} chose, each with its own read
 * timeout: the gateway's proxy takes one HTTP client, so a timeout per route means a proxy per route. They share one
 * pool of keep-alive connections of a blocking client: a forwarded call runs on the request's own thread from start
 * to end, with no hand-off to a selector thread and back. The proxy writes to the client's request directly rather
 * than through a {@code RestClient}, whose interceptors (the platform's correlation id, which the header filters
 * already forward) made it copy every body and whose observation timed every call a second time. The client passes
 * bodies through as they are (no decompression), and never retries nor follows a redirect itself.
 */
final class ServiceProxies implements ApplicationListener<ContextRefreshedEvent>, AutoCloseable {

    private static final int CONNECTIONS = 512;

    private final CloseableHttpClient httpClient;
    private final GatewayMvcProperties gatewayProperties;
    private final ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHeaderFilters;
    private final ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHeaderFilters;
    private final List<ProxyExchangeHandlerFunction> made = new CopyOnWriteArrayList<>();

    ServiceProxies(Duration connectTimeout, GatewayMvcProperties gatewayProperties,
            ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHeaderFilters,
            ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHeaderFilters) {
        this.httpClient = PooledHttpClients.builder(CONNECTIONS, connectTimeout)
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .build();
        this.gatewayProperties = gatewayProperties;
        this.requestHeaderFilters = requestHeaderFilters;
        this.responseHeaderFilters = responseHeaderFilters;
    }

    /** A handler forwarding to the chosen instance, giving up when its answer has not begun after {@code timeout}. */
    ProxyExchangeHandlerFunction withTimeout(Duration timeout) {
        HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(timeout);
        ProxyExchangeHandlerFunction handler = new ProxyExchangeHandlerFunction(
                new ClientHttpRequestFactoryProxyExchange(requestFactory, gatewayProperties), requestHeaderFilters,
                responseHeaderFilters);
        made.add(handler);
        return handler;
    }

    /** The proxies pick up the header filters (identity, correlation id) once every bean exists. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        made.forEach(handler -> handler.onApplicationEvent(event));
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
