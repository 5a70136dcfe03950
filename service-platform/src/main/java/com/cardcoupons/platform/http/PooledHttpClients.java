package com.cardcoupons.platform.http;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/**
 * The blocking HTTP client a service calls another with: a pool of keep-alive connections with Nagle's algorithm
 * off, so a call runs on its caller's thread from start to end without waiting on a selector thread; a connection
 * idle for a second is checked before it is reused, since the other side may have closed it; and the client never
 * repeats a request by itself: a call is repeated, if ever, by its caller's own rules. Each caller adds what is its
 * own to the builder.
 */
public final class PooledHttpClients {

    private PooledHttpClients() {
    }

    /** A client of up to {@code connections} connections, with no read timeout but those its requests set. */
    public static HttpClientBuilder builder(int connections, Duration connectTimeout) {
        return builder(connections, ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)));
    }

    /** A client of up to {@code connections} connections, giving up on a read silent for {@code readTimeout}. */
    public static HttpClientBuilder builder(int connections, Duration connectTimeout, Duration readTimeout) {
        return builder(connections, ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout)));
    }

    private static HttpClientBuilder builder(int connections, ConnectionConfig.Builder connection) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(connection.setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .disableAutomaticRetries();
    }
}
