package com.cardcoupons.console.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** Where the gateway is, and how long the console waits for it. */
@ConfigurationProperties("coupons.console")
public record ConsoleProperties(URI gatewayUrl, Duration timeout) {

    public ConsoleProperties {
        if (gatewayUrl == null) {
            throw new IllegalArgumentException("coupons.console.gateway-url is required");
        }
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
