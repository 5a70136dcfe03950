package com.cardcoupons.relay;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP clients the relay calls its two counterparts with: Spring Boot's builder (which carries the correlation
 * id onward), hard connect and read timeouts, and a JSON reader that tolerates fields added by the other side.
 */
public final class OutboundHttp {

    private OutboundHttp() {
    }

    /** The service's JSON mapper, reading answers that carry fields this relay does not know yet. */
    public static JsonMapper tolerant(JsonMapper jsonMapper) {
        return jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** A client of its own connections; {@code json} is a {@link #tolerant} mapper, which clients may share. */
    public static RestClient client(RestClient.Builder builder, JsonMapper json, URI baseUrl, Duration connectTimeout,
            Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .build();
    }
}
