package com.cardcoupons.platform.tokenization;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;

/** One tokenizer per service, keyed from configuration. */
@AutoConfiguration
@EnableConfigurationProperties(CardTokenProperties.class)
public class TokenizationAutoConfiguration {

    @Bean
    UsageMediumTokenizer usageMediumTokenizer(CardTokenProperties properties) {
        if (properties.key() == null) {
            throw new IllegalStateException("coupons.card-token.key is not set");
        }
        return new UsageMediumTokenizer(properties.key().getBytes(StandardCharsets.UTF_8));
    }
}
