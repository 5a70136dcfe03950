package com.cardcoupons.gateway.authentication;

import com.cardcoupons.gateway.GatewayFilterOrder;
import com.cardcoupons.gateway.credential.KnownCredentials;
import com.cardcoupons.platform.identity.OperatorAccessFilter;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthentication(KnownCredentials credentials, ProblemResponses problems) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(credentials, problems));
        registration.setOrder(GatewayFilterOrder.AUTHENTICATION);
        return registration;
    }

    /** The gateway's own health: details for an administrator's key, the status alone for anyone else. */
    @Bean
    FilterRegistrationBean<OperatorAccessFilter> operatorAccess() {
        FilterRegistrationBean<OperatorAccessFilter> registration =
                new FilterRegistrationBean<>(new OperatorAccessFilter(AuthenticatedCaller::of));
        registration.setOrder(GatewayFilterOrder.OPERATOR_ACCESS);
        return registration;
    }
}
