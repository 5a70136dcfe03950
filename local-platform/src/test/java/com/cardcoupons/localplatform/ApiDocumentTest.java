package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document the running gateway serves, merged from every service, is the one the client is generated from
 * ({@value #COMMITTED}), and it describes the public API only, as it runs: every refusal with the Problem Details
 * schema and its codes, the key a retryable call needs, the API key, values as they travel.
 */
class ApiDocumentTest {

    static final String COMMITTED = "api-client/src/main/openapi/card-coupons-api.json";
    /** The server the committed document names: the one-command run's gateway. */
    static final String SERVER = "http://localhost:8080";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static JsonNode served;

    @BeforeAll
    static void read() {
        Reply reply = ApiCaller.anonymous(RunningPlatform.get().gatewayUrl()).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        served = reply.json();
        ((ObjectNode) served).putArray("servers").addObject().put("url", SERVER);
    }

    @Test
    void theGatewayServesTheDocumentTheClientIsGeneratedFrom() throws IOException {
        Path committed = LocalPlatform.repositoryRoot().resolve(COMMITTED);
        JsonNode expected = JSON.readTree(Files.readString(committed));
        if (!served.equals(expected)) {
            Path actual = Path.of("target", "card-coupons-api.json").toAbsolutePath();
            Files.writeString(actual, JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n");
            throw new AssertionError("the gateway's API document is not " + COMMITTED + ": what it serves is in " + actual
                    + "; when the change is meant, copy it over the committed one (the client is generated from it)");
        }
    }

    @Test
    void itDescribesThePublicApiAndNothingElse() {
        assertThat(served.has("x-unavailable-services")).as("every service answered").isFalse();
        List<String> paths = new ArrayList<>(served.path("paths").propertyNames());
        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(paths).noneMatch(path -> path.contains("/error") || path.contains("actuator"));
        assertThat(served.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(served.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
    }

    @Test
    void everyOperationDocumentsItsRefusalsWithProblemDetailsAndCodes() {
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.propertyNames()).as(name).anyMatch(status -> status.startsWith("2"))
                    .contains("400", "401", "403", "429", "500", "503");
            responses.properties().forEach(response -> {
                if (!response.getKey().startsWith("2")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                            .as(name + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getValue().path("x-problem-codes").size()).as(name + " " + response.getKey()).isPositive();
                }
            });
            assertThat(responses.path("401").path("x-problem-codes").valueStream().map(JsonNode::asString))
                    .as("through the gateway, a service never refuses the gateway's own identity: " + name)
                    .containsExactlyInAnyOrder("API_KEY_MISSING", "API_KEY_INVALID");
        }));
    }

    @Test
    void retryableCallsRequireTheirIdempotencyKey() {
        for (String retryable : List.of("/api/v1/campaigns", "/api/v1/campaigns/{campaignId}/approve", "/api/v1/acquisitions",
                "/api/v1/reservations", "/api/v1/redemptions", "/api/v1/reservations/{reservationId}/reversal", "/api/v1/payments")) {
            JsonNode key = null;
            for (JsonNode parameter : served.path("paths").path(retryable).path("post").path("parameters")) {
                if (parameter.path("name").asString().equals("Idempotency-Key")) {
                    key = parameter;
                }
            }
            assertThat(key).as(retryable).isNotNull();
            assertThat(key.path("in").asString()).isEqualTo("header");
            assertThat(key.path("required").asBoolean()).as(retryable).isTrue();
        }
    }

    @Test
    void valuesAreDescribedAsTheyTravel() {
        JsonNode schemas = served.path("components").path("schemas");
        assertThat(schemas.at("/Money/properties/currency/type").asString()).isEqualTo("string");
        assertThat(schemas.at("/Money/properties/currency/pattern").asString()).isEqualTo("^[A-Z]{3}$");
        assertThat(schemas.at("/Money/properties/amountMinor/type").asString()).isEqualTo("integer");
        assertThat(schemas.at("/Money/properties/amountMinor/format").asString()).isEqualTo("int64");
        JsonNode window = schemas.at("/TermsRequest/properties/validFrom");
        assertThat(window.path("type").asString()).isEqualTo("string");
        assertThat(window.has("format")).as("a local date-time has no offset: not format date-time").isFalse();
        assertThat(schemas.at("/UsageMediumId/properties/cardNumber/type").asString()).isEqualTo("string");
        for (String created : Set.of("/api/v1/campaigns", "/api/v1/acquisitions", "/api/v1/payments", "/api/v1/redemptions")) {
            assertThat(served.path("paths").path(created).path("post").path("responses").has("201")).as(created).isTrue();
        }
    }
}
