package com.cardcoupons.platform.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Correlation ids in, out, in the logs, and onward on every RestClient call. */
@AutoConfiguration
public class CorrelationAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    RestClientCustomizer correlationIdPropagation() {
        CorrelationIdPropagation propagation = new CorrelationIdPropagation();
        return builder -> builder.requestInterceptor(propagation);
    }
}
