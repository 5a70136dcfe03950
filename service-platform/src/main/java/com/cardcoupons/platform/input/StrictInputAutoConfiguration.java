package com.cardcoupons.platform.input;

import com.cardcoupons.platform.problem.ProblemAutoConfiguration;
import com.cardcoupons.platform.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Strict JSON ({@link StrictJson}) and well-formed query strings ({@link QueryString}) in every service. */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
public class StrictInputAutoConfiguration {

    /** After the correlation id (so the refusal carries it) and before anything reads a parameter. */
    public static final int QUERY_STRING_ORDER = Ordered.HIGHEST_PRECEDENCE + 14;

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }

    @Bean
    @ConditionalOnBean(ProblemResponses.class)
    FilterRegistrationBean<QueryStringFilter> queryStringFilter(ProblemResponses problems) {
        FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter(problems));
        registration.setOrder(QUERY_STRING_ORDER);
        return registration;
    }
}
