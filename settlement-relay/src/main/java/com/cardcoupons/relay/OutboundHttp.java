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

    public static RestClient client(RestClient.Builder builder, JsonMapper jsonMapper, URI baseUrl,
            Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        JsonMapper tolerant = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(tolerant)))
                .build();
    }
}
