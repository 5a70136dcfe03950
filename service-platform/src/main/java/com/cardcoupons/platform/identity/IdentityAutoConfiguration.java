package com.cardcoupons.platform.identity;

import com.cardcoupons.platform.problem.ProblemAutoConfiguration;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Signing identity headers everywhere; verifying them, and checking roles, in every service behind the gateway. */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
@EnableConfigurationProperties(GatewayTrustProperties.class)
public class IdentityAutoConfiguration {

    static {
        // the caller comes from verified headers, never from request parameters: keep it out of the API docs
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerIdentity.class);
    }

    @Bean
    IdentitySigner identitySigner(GatewayTrustProperties properties) {
        if (properties.sharedSecret() == null) {
            throw new IllegalStateException("coupons.gateway-trust.shared-secret is not set");
        }
        return new IdentitySigner(properties.sharedSecret().getBytes(StandardCharsets.UTF_8),
                properties.maxIdentityAge(), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "coupons.gateway-trust.verify", havingValue = "true", matchIfMissing = true)
    static class Verification implements WebMvcConfigurer {

        private final ProblemResponses problems;

        Verification(ProblemResponses problems) {
            this.problems = problems;
        }

        @Bean
        FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(IdentitySigner signer) {
            FilterRegistrationBean<GatewayIdentityFilter> registration =
                    new FilterRegistrationBean<>(new GatewayIdentityFilter(signer, problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }

        /** Health details for an administrator the gateway signed for; after the identity filter, which skips these paths. */
        @Bean
        FilterRegistrationBean<OperatorAccessFilter> operatorAccessFilter(IdentitySigner signer) {
            FilterRegistrationBean<OperatorAccessFilter> registration = new FilterRegistrationBean<>(new OperatorAccessFilter(
                    request -> signer.verify(request::getHeader, request.getMethod(), request.getRequestURI()).orElse(null)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
            return registration;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RoleCheck(problems)).addPathPatterns("/api/**");
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerIdentityArgumentResolver());
        }
    }
}
