package com.cardcoupons.console.gateway;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's public API, called with one user's API key. JSON answers come back as maps for the templates; a
 * refusal becomes an {@link ApiProblem}, an unreachable gateway a {@link PlatformUnavailable}. The key travels only
 * in the {@code X-Api-Key} header of these server-side calls, never to the browser.
 */
@Component
public class Gateway {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final TypeReference<List<Object>> JSON_ARRAY = new TypeReference<>() {
    };

    private static final String REPLAYED = "Idempotency-Replayed";

    private final RestClient client;
    private final JsonMapper json;

    Gateway(RestClient.Builder builder, ConsoleProperties properties, JsonMapper json, SslBundles bundles) {
        HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), properties.timeout());
        if (properties.gatewaySslBundle() != null) {
            // trust exactly the bundle's certificates for the gateway: never all of them
            settings = settings.withSslBundle(bundles.getBundle(properties.gatewaySslBundle()));
        }
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.simple().build(settings);
        this.client = builder.clone().baseUrl(properties.gatewayUrl().toString()).requestFactory(requests).build();
        this.json = json;
    }

    /** The calls of one caller. */
    public Calls as(String apiKey) {
        return new Calls(apiKey);
    }

    /** The API as one API key sees it. */
    @SuppressWarnings("unchecked")
    public final class Calls {

        private final String apiKey;

        private Calls(String apiKey) {
            this.apiKey = apiKey;
        }

        public Map<String, Object> get(String path) {
            return object(exchange(client.get().uri(path), null));
        }

        /** A read whose answer is a JSON array. */
        public List<Object> list(String path) {
            byte[] body = exchange(client.get().uri(path), null).getBody();
            try {
                return body == null ? List.of() : (List<Object>) JsonObject.of(json.readValue(body, JSON_ARRAY));
            } catch (JacksonException e) {
                throw new PlatformUnavailable("The platform answered something the console cannot read.", e);
            }
        }

        /** A mutating call, with a fresh {@code Idempotency-Key}. */
        public Map<String, Object> post(String path, Object body) {
            return post(path, body, UUID.randomUUID().toString());
        }

        /** A POST with this {@code Idempotency-Key}, or none for a read sent as a POST (a wallet look-up). */
        public Map<String, Object> post(String path, Object body, String idempotencyKey) {
            return object(exchange(json(client.post().uri(path), body, idempotencyKey), null));
        }

        private RestClient.RequestBodySpec json(RestClient.RequestBodySpec request, Object body, String idempotencyKey) {
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            }
            return request;
        }

        /**
         * A creation sent with the {@code Idempotency-Key} its form carries, so that a form posted twice (a double
         * click, a reload) creates once: the second answer is the first one replayed, and says so.
         */
        public Created create(String path, Object body, String idempotencyKey) {
            ResponseEntity<byte[]> response = exchange(json(client.post().uri(path), body, idempotencyKey), null);
            return new Created(object(response), response.getHeaders().containsHeader(REPLAYED));
        }

        /** A replacement ({@code PUT}) with this {@code Idempotency-Key}. */
        public Map<String, Object> put(String path, Object body, String idempotencyKey) {
            return object(exchange(json(client.put().uri(path), body, idempotencyKey), null));
        }

        /** A read whose answer is a document to pass on (a PDF, an SVG, a CSV), with its content type. */
        public ResponseEntity<byte[]> download(String path) {
            return exchange(client.get().uri(path), MediaType.ALL);
        }

        private ResponseEntity<byte[]> exchange(RestClient.RequestHeadersSpec<?> request, MediaType accept) {
            try {
                return request.header("X-Api-Key", apiKey)
                        .accept(accept == null ? MediaType.APPLICATION_JSON : accept, MediaType.APPLICATION_PROBLEM_JSON)
                        .exchange((req, response) -> {
                            byte[] body = response.getBody().readAllBytes();
                            HttpStatusCode status = response.getStatusCode();
                            if (status.isError()) {
                                throw problem(status.value(), body);
                            }
                            HttpHeaders headers = new HttpHeaders();
                            if (response.getHeaders().getContentType() != null) {
                                headers.setContentType(response.getHeaders().getContentType());
                            }
                            if (response.getHeaders().containsHeader(REPLAYED)) {
                                headers.set(REPLAYED, response.getHeaders().getFirst(REPLAYED));
                            }
                            return ResponseEntity.status(status).headers(headers).body(body);
                        });
            } catch (ResourceAccessException e) {
                throw new PlatformUnavailable("The platform cannot be reached right now; try again in a moment.", e);
            }
        }
    }

    /** What a creation answered, and whether it was the replay of an earlier one with the same key. */
    public record Created(Map<String, Object> body, boolean replayed) {
    }

    /**
     * The {@code Idempotency-Key} a form carried (a hidden input filled when the page was drawn), or a fresh one
     * when it carried none or something else than a UUID.
     */
    public static String idempotencyKey(String fromForm) {
        try {
            return UUID.fromString(fromForm == null ? "" : fromForm.trim()).toString();
        } catch (IllegalArgumentException notAUuid) {
            return UUID.randomUUID().toString();
        }
    }

    private Map<String, Object> object(ResponseEntity<byte[]> response) {
        byte[] body = response.getBody();
        if (body == null || body.length == 0) {
            return Map.of();
        }
        try {
            return (JsonObject) JsonObject.of(json.readValue(body, JSON_OBJECT));
        } catch (JacksonException e) {
            throw new PlatformUnavailable("The platform answered something the console cannot read.", e);
        }
    }

    private ApiProblem problem(int status, byte[] body) {
        Map<String, Object> problem;
        try {
            problem = json.readValue(body, JSON_OBJECT);
        } catch (JacksonException notProblemDetails) {
            problem = Map.of();
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new ApiProblem.FieldError(text(error.get("field")), text(error.get("code")), text(error.get("detail"))));
                }
            }
        }
        return new ApiProblem(status, text(problem.get("code")), text(problem.get("detail")), text(problem.get("field")), errors);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
