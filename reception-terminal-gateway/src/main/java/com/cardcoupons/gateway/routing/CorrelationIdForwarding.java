package com.cardcoupons.gateway.routing;

import com.cardcoupons.platform.correlation.CorrelationId;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwards the correlation id the gateway adopted or created, so every service logs the same one. The gateway
 * already returns it to the client, so the service's echo of it is dropped rather than sent twice.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdForwarding {

    @Bean
    HttpHeadersFilter.RequestHttpHeadersFilter forwardCorrelationId() {
        return (headers, request) -> {
            String correlationId = CorrelationId.current();
            if (correlationId != null) {
                headers.set(CorrelationId.HEADER, correlationId);
            }
            return headers;
        };
    }

    @Bean
    HttpHeadersFilter.ResponseHttpHeadersFilter dropEchoedCorrelationId() {
        return (headers, response) -> {
            headers.remove(CorrelationId.HEADER);
            return headers;
        };
    }
}
