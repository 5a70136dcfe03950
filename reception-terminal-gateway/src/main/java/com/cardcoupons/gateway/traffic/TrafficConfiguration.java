package com.cardcoupons.gateway.traffic;

import com.cardcoupons.gateway.GatewayFilterOrder;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrafficConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeLimit(RequestSizeProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(properties, problems));
        registration.setOrder(GatewayFilterOrder.REQUEST_SIZE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimit(RateLimitProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, problems));
        registration.setOrder(GatewayFilterOrder.RATE_LIMIT);
        return registration;
    }
}
