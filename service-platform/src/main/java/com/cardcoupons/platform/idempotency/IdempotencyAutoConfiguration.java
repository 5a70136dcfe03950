package com.cardcoupons.platform.idempotency;

import com.cardcoupons.platform.problem.ProblemAutoConfiguration;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Idempotent retries for every service with a database. */
@AutoConfiguration(after = {ProblemAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
// the gateway only forwards: the service behind it owns the call's idempotency
@ConditionalOnProperty(name = "coupons.idempotency.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class IdempotencyAutoConfiguration implements WebMvcConfigurer {

    static {
        // the keyed call is the platform's, never a request parameter: keep it out of the API docs
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotentCall.class);
    }

    private final ProblemResponses problems;
    private final PlatformTransactionManager transactions;

    IdempotencyAutoConfiguration(ProblemResponses problems, PlatformTransactionManager transactions) {
        this.problems = problems;
        this.transactions = transactions;
    }

    @Bean
    IdempotencyRecords idempotencyRecords(JdbcClient jdbc, IdempotencyProperties properties) {
        return new IdempotencyRecords(jdbc, properties);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, JsonMapper jsonMapper,
            Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, transactions, problems, jsonMapper, service));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    IdempotencyRetention idempotencyRetention(IdempotencyRecords records, IdempotencyProperties properties) {
        return new IdempotencyRetention(records, properties.retention());
    }

    /** After the roles are checked, so a refused caller never opens a transaction. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdempotentHandlers(problems, transactions)).addPathPatterns("/api/**")
                .order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IdempotentCallArgumentResolver());
    }
}
