package com.cardcoupons.gateway.access;

import com.cardcoupons.gateway.GatewayFilterOrder;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessPolicy accessPolicy(AccessProperties properties) {
        if (properties.rules().isEmpty()) {
            throw new IllegalStateException("coupons.gateway.access.rules is empty: the gateway would refuse every call");
        }
        return new AccessPolicy(properties.rules());
    }

    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPath(ProblemResponses problems) {
        FilterRegistrationBean<CanonicalPathFilter> registration = new FilterRegistrationBean<>(new CanonicalPathFilter(problems));
        registration.setOrder(GatewayFilterOrder.CANONICAL_PATH);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AccessPolicyFilter> accessPolicyFilter(AccessPolicy policy, CampaignOwners owners,
            ProblemResponses problems) {
        FilterRegistrationBean<AccessPolicyFilter> registration =
                new FilterRegistrationBean<>(new AccessPolicyFilter(policy, owners, problems));
        registration.setOrder(GatewayFilterOrder.ACCESS_POLICY);
        return registration;
    }
}
