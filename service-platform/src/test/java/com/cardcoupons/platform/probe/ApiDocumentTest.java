package com.cardcoupons.platform.probe;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's API document says what the platform does to every call: the refusals each operation can answer with,
 * with the Problem Details schema and their codes, derived from the same facts the platform acts on (a body read
 * strictly, its values, Bean Validation, the gateway's identity, the idempotency key); the key a retryable call
 * requires; the API key; values as they travel; and nothing that is not the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class ApiDocumentTest {

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeEach
    void read() {
        document = ApiCaller.anonymous("http://localhost:" + port).get("/v3/api-docs").json();
    }

    @Test
    void onlyTheApiIsDescribed() {
        assertThat(document.path("openapi").asString()).startsWith("3.0");
        assertThat(document.path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
        assertThat(document.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(document.at("/security/0").has("apiKey")).isTrue();
    }

    @Test
    void aRetryableOperationDocumentsItsKeyItsStatusesAndEveryRefusalWithItsCodes() {
        JsonNode create = document.at("/paths/~1api~1probe~1merchants/post");
        assertThat(create.path("x-roles").valueStream().map(JsonNode::asString)).containsExactly("MERCHANT", "APPROVER");
        JsonNode key = create.path("parameters").valueStream()
                .filter(parameter -> parameter.path("name").asString().equals("Idempotency-Key")).findFirst().orElseThrow();
        assertThat(key.path("in").asString()).isEqualTo("header");
        assertThat(key.path("required").asBoolean()).isTrue();
        JsonNode responses = create.path("responses");
        assertThat(responses.propertyNames()).containsExactlyInAnyOrder("201", "400", "401", "403", "406", "409", "413", "415",
                "422", "500");
        assertThat(codes(responses, "400")).contains("MALFORMED_JSON", "INVALID_FORMAT", "UNKNOWN_FIELD", "TOO_LONG", "INVALID_TEXT",
                "IDEMPOTENCY_KEY_REQUIRED", "AMOUNT_TOO_LARGE", "UNKNOWN_CURRENCY", "CARD_NUMBER_FAILS_LUHN", "MEDIUM_TYPE_REQUIRED",
                "NOT_BLANK", "NOT_NULL", "MALFORMED_QUERY");
        assertThat(codes(responses, "401")).containsExactlyInAnyOrder("GATEWAY_IDENTITY_MISSING", "GATEWAY_IDENTITY_INVALID");
        assertThat(codes(responses, "409")).contains("PROBE_REFUSED", "IDEMPOTENT_REQUEST_IN_PROGRESS", "CONCURRENT_UPDATE");
        assertThat(codes(responses, "422")).containsExactly("IDEMPOTENCY_KEY_REUSED");
        assertThat(responses.at("/400/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(responses.at("/201/headers").has("Idempotency-Replayed")).isTrue();
    }

    @Test
    void valuesAreDescribedAsTheyTravel() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.at("/Money/properties/currency/type").asString()).isEqualTo("string");
        assertThat(schemas.at("/Money/properties/currency/pattern").asString()).isEqualTo("^[A-Z]{3}$");
        assertThat(schemas.at("/UsageMediumId/properties/cardNumber/type").asString()).isEqualTo("string");
        assertThat(schemas.at("/CreateMerchant/properties/name/maxLength").asInt()).as("every text is bounded").isEqualTo(2000);
        assertThat(schemas.at("/Problem/required").valueStream().map(JsonNode::asString))
                .contains("type", "title", "status", "code", "correlationId");
    }

    private static java.util.List<String> codes(JsonNode responses, String status) {
        return responses.path(status).path("x-problem-codes").valueStream().map(JsonNode::asString).toList();
    }
}
