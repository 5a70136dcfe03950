package com.cardcoupons.platform.tokenization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The HMAC key card and member numbers are tokenized with; every service must use the same one. */
@ConfigurationProperties("coupons.card-token")
public record CardTokenProperties(String key) {

    @Override
    public String toString() {
        return "CardTokenProperties[key=****]";
    }
}
