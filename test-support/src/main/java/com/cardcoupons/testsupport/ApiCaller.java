package com.cardcoupons.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Calls a running service over real HTTP, the way a terminal, an app or the gateway would. The credentials are a
 * function of method and path, so the same caller works for signed identity headers and for gateway API keys. Every
 * exchange with the API is held against the API document the server publishes ({@link PublishedContract}).
 */
public final class ApiCaller {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final BiFunction<String, String, Map<String, String>> credentials;

    public ApiCaller(String baseUrl, BiFunction<String, String, Map<String, String>> credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    /** A caller without credentials. */
    public static ApiCaller anonymous(String baseUrl) {
        return new ApiCaller(baseUrl, (method, path) -> Map.of());
    }

    /** The same service, called as someone else. */
    public ApiCaller as(BiFunction<String, String, Map<String, String>> otherCredentials) {
        return new ApiCaller(baseUrl, otherCredentials);
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    /** A POST carrying an {@code Idempotency-Key}. */
    public Reply post(String path, Object body, String idempotencyKey) {
        return send("POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Sends a request; {@code body} is a JSON string, or any object to serialize as JSON, or {@code null}.
     * The path may carry a query string; credentials are computed for the path without it.
     */
    public Reply send(String method, String path, Object body, Map<String, String> headers) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String text = body == null ? null : body instanceof String string ? string : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        Map<String, String> all = new LinkedHashMap<>();
        if (text != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(credentials.apply(method, pathOnly));
        all.putAll(headers);
        all.forEach(request::setHeader);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
            PublishedContract.of(baseUrl).ifPresent(contract -> contract.check(method, path, all, text, reply));
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response: status, headers and body, with the body readable as JSON. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        /** The stable error code of a Problem Details answer. */
        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
