package com.cardcoupons.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API document a server publishes at {@code /v3/api-docs}, held against every exchange a test makes with the
 * server's API ({@code /api/**}) through {@link ApiCaller}. An exchange that breaks the document fails the test:
 * <ul>
 *   <li>every answer must be one the operation documents: its status, its headers, its body's schema; a refusal's
 *       {@code code} must be among the operation's {@code x-problem-codes};</li>
 *   <li>a request the server accepted (2xx) must be one the document allows: a server more lenient than its document
 *       lets clients rely on what is not promised;</li>
 *   <li>an operation the document does not have may only be refused, with Problem Details.</li>
 * </ul>
 * A document that names services it could not include ({@code x-unavailable-services}: the gateway in front of
 * stand-ins) only checks the operations it has. Checked with the swagger-request-validator; the API key is the
 * gateway's business and not checked here (tests call services with signed identity headers instead).
 */
final class PublishedContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Optional<PublishedContract>> BY_SERVER = new ConcurrentHashMap<>();
    private static final String NOT_DOCUMENTED_PATH = "validation.request.path.missing";
    private static final String NOT_DOCUMENTED_METHOD = "validation.request.operation.notAllowed";

    private final OpenApiInteractionValidator validator;
    private final JsonNode document;
    private final boolean partial;
    private final List<Operation> operations = new ArrayList<>();

    private PublishedContract(String json) {
        this.document = JSON.readTree(json);
        this.partial = document.path("x-unavailable-services").size() > 0;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        // a query parameter an operation does not take is ignored, as docs/errors.md says; OpenAPI
                        // 3.0 cannot say so, and unknown JSON fields, where coercion could hide, are refused
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()))));
        // a literal segment wins over a variable one, as in Spring's own matching
        operations.sort(Comparator.comparingLong(operation -> operation.template().chars().filter(c -> c == '{').count()));
    }

    /** The document of the server at {@code baseUrl}, read once; empty when it publishes none. */
    static Optional<PublishedContract> of(String baseUrl) {
        return BY_SERVER.computeIfAbsent(baseUrl, PublishedContract::load);
    }

    private static Optional<PublishedContract> load(String baseUrl) {
        try {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200 || !reply.body().startsWith("{") || !reply.body().contains("\"openapi\"")) {
                return Optional.empty();
            }
            return Optional.of(new PublishedContract(reply.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Fails with what the exchange broke, if it broke the document. */
    void check(String method, String target, Map<String, String> requestHeaders, String requestBody,
            ApiCaller.Reply reply) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (!path.startsWith("/api/")) {
            return;
        }
        Request request = request(method, target, requestHeaders, requestBody);
        Optional<Operation> operation = operations.stream().filter(candidate -> candidate.matches(method, path)).findFirst();
        if (operation.isEmpty()) {
            if (reply.status() < 300 && !partial) {
                fail(method, target, reply, List.of("the document has no " + method + " " + path + ", yet it answered " + reply.status()));
            }
            if (reply.status() >= 400 && !partial) {
                requireProblem(method, target, reply);
            }
            return;
        }
        List<String> broken = new ArrayList<>();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.bytes());
        reply.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(":status")) {
                response.withHeader(name, values);
            }
        });
        messages(validator.validateResponse(path, request.getMethod(), response.build()), broken);
        if (reply.status() < 300) {
            messages(validator.validateRequest(request), broken);
        }
        if (reply.status() >= 400) {
            JsonNode declared = operation.get().definition().path("responses").path(Integer.toString(reply.status())).path("x-problem-codes");
            String code = problemCode(reply);
            if (code != null && declared.isArray() && declared.valueStream().noneMatch(node -> node.asString().equals(code))) {
                broken.add("the operation does not list " + code + " among its " + reply.status() + " codes " + declared);
            }
        }
        if (!broken.isEmpty()) {
            fail(method, target, reply, broken);
        }
    }

    private static void requireProblem(String method, String target, ApiCaller.Reply reply) {
        String contentType = reply.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json") || problemCode(reply) == null) {
            fail(method, target, reply, List.of("a refusal of an undocumented operation must still be Problem Details"));
        }
    }

    private static String problemCode(ApiCaller.Reply reply) {
        try {
            JsonNode code = JSON.readTree(reply.bytes()).path("code");
            return code.isString() ? code.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Request request(String method, String target, Map<String, String> headers, String body) {
        int query = target.indexOf('?');
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, query < 0 ? target : target.substring(0, query));
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    request.withQueryParam(name, value);
                }
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static void messages(ValidationReport report, List<String> broken) {
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().equals(NOT_DOCUMENTED_PATH) && !message.getKey().equals(NOT_DOCUMENTED_METHOD))
                .forEach(message -> broken.add(message.getKey() + ": " + message.getMessage()));
    }

    private static void fail(String method, String target, ApiCaller.Reply reply, List<String> broken) {
        throw new AssertionError("the exchange " + method + " " + target + " -> " + reply.status()
                + " breaks the published API document:\n  " + String.join("\n  ", broken) + "\nanswer: " + reply.body());
    }

    /** One operation of the document, its path template matched as a pattern. */
    private record Operation(String method, String template, JsonNode definition, Pattern pattern) {

        Operation(String method, String template, JsonNode definition) {
            this(method, template, definition, Pattern.compile(
                    Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", "")));
        }

        boolean matches(String method, String path) {
            return this.method.equals(method) && pattern.matcher(path).matches();
        }
    }
}
