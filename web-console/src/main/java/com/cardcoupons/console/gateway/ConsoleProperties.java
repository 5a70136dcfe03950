package com.cardcoupons.console.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway is, how long the console waits for it, and the SSL bundle ({@code spring.ssl.bundle.*}) whose
 * trust store the console trusts the gateway's certificate from, when the gateway serves HTTPS with a certificate
 * the JDK's own trust store does not hold (a self-signed one in a local run). Blank: the JDK's trust store.
 */
@ConfigurationProperties("coupons.console")
public record ConsoleProperties(URI gatewayUrl, Duration timeout, String gatewaySslBundle) {

    public ConsoleProperties {
        if (gatewayUrl == null) {
            throw new IllegalArgumentException("coupons.console.gateway-url is required");
        }
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        gatewaySslBundle = gatewaySslBundle == null || gatewaySslBundle.isBlank() ? null : gatewaySslBundle.trim();
    }
}
