package com.cardcoupons.platform.apidocs;

import com.cardcoupons.model.medium.CardNumber;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

/** Every service's API document, as {@link ApiContract} makes it, with each value as it travels on the wire. */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ApiDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(Currency.class, new StringSchema().pattern("^[A-Z]{3}$")
                        .description("ISO 4217 currency code").example("JPY"))
                .replaceWithSchema(CardNumber.class, new StringSchema().pattern("^[0-9][0-9 -]{10,24}[0-9]$")
                        .description("a card number, digits optionally grouped by spaces or dashes; never answered back")
                        .example("4111 1111 1111 1111"))
                .replaceWithSchema(YearMonth.class, new StringSchema().pattern("^[0-9]{4}-(0[1-9]|1[0-2])$").example("2030-12"))
                .replaceWithSchema(LocalDateTime.class, new StringSchema()
                        .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$")
                        .description("a local date-time, without offset, in the time zone the object names")
                        .example("2027-01-31T23:59:00"))
                .replaceWithSchema(ZoneId.class, new StringSchema().maxLength(64)
                        .description("an IANA time zone").example("Asia/Tokyo"))
                .replaceWithSchema(Duration.class, new StringSchema().maxLength(64)
                        .description("an ISO 8601 duration").example("PT15M"));
    }

    @Bean
    ApiContract apiContract(Environment environment) {
        return new ApiContract(environment.getProperty("spring.application.name", "service"),
                environment.getProperty("coupons.gateway-trust.verify", Boolean.class, true));
    }
}
