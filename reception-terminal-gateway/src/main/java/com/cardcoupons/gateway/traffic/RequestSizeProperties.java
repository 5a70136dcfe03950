package com.cardcoupons.gateway.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The largest request body the gateway accepts. The API's bodies are small JSON documents. */
@ConfigurationProperties("coupons.gateway.request-size")
record RequestSizeProperties(DataSize max) {

    RequestSizeProperties {
        max = max == null ? DataSize.ofKilobytes(64) : max;
    }
}
