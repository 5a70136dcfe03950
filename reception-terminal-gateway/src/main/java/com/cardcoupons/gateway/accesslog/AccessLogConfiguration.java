package com.cardcoupons.gateway.accesslog;

import com.cardcoupons.gateway.GatewayFilterOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLog() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(GatewayFilterOrder.ACCESS_LOG);
        return registration;
    }
}
