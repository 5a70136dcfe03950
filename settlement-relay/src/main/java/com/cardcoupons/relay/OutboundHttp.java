package com.cardcoupons.relay;

import com.cardcoupons.platform.http.PooledHttpClients;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

/**
 * The HTTP clients the relay calls its two counterparts with: Spring Boot's builder (which carries the correlation
 * id onward), hard connect and read timeouts, and a JSON reader that tolerates fields added by the other side. They
 * are blocking clients with pooled keep-alive connections: a call runs on the thread that makes it, start to end, so
 * a payment's legs lose no time handing their answers from thread to thread. A request is never sent twice by the
 * client itself (an authorization is retried, if ever, by the relay's own rules), and a connection idle for long is
 * checked, or closed, before the other side may have closed it.
 */
public final class OutboundHttp implements AutoCloseable {

    private static final int CONNECTIONS = 256;

    private final RestClient rest;
    private final HttpComponentsClientHttpRequestFactory requests;

    private OutboundHttp(RestClient rest, HttpComponentsClientHttpRequestFactory requests) {
        this.rest = rest;
        this.requests = requests;
    }

    /** The service's JSON mapper, reading answers that carry fields this relay does not know yet. */
    public static JsonMapper tolerant(JsonMapper jsonMapper) {
        return jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** A client of its own connections; {@code json} is a {@link #tolerant} mapper, which clients may share. */
    public static OutboundHttp connect(RestClient.Builder builder, JsonMapper json, URI baseUrl, Duration connectTimeout,
            Duration readTimeout) {
        CloseableHttpClient http = PooledHttpClients.builder(CONNECTIONS, connectTimeout, readTimeout)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(10))
                .build();
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(http);
        return new OutboundHttp(builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .build(), requests);
    }

    public RestClient rest() {
        return rest;
    }

    /** Closes the client's connections. */
    @Override
    public void close() {
        try {
            requests.destroy();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the HTTP client", e);
        }
    }
}
