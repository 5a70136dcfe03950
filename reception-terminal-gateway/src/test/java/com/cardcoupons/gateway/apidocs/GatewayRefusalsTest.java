package com.cardcoupons.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRefusalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String OPERATION = """
            {"responses":{
              "201":{"description":"created"},
              "400":{"description":"Bad Request","x-problem-codes":["INVALID_FORMAT","UNKNOWN_FIELD"],
                     "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
              "401":{"description":"Unauthorized","x-problem-codes":["GATEWAY_IDENTITY_MISSING","GATEWAY_IDENTITY_INVALID"],
                     "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
              "409":{"description":"Conflict","x-problem-codes":["CONCURRENT_UPDATE"],
                     "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}""";

    private final JsonNode responses = refused().path("responses");

    private static ObjectNode refused() {
        ObjectNode operation = (ObjectNode) JSON.readTree(OPERATION);
        GatewayRefusals.addTo(operation);
        return operation;
    }

    @Test
    void aStatusOnlyTheGatewayAnswersCarriesTheGatewaysCodesAlone() {
        assertThat(codes("401")).as("the service's refusal of the gateway's identity is never seen through it")
                .containsExactly("API_KEY_INVALID", "API_KEY_MISSING");
        assertThat(codes("429")).containsExactly("RATE_LIMITED");
        assertThat(codes("504")).containsExactly("SERVICE_TIMEOUT");
        assertThat(responses.at("/429/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void aStatusBothAnswerCarriesBothCodesAndTheRestAreKept() {
        assertThat(codes("400")).contains("INVALID_FORMAT", "UNKNOWN_FIELD", "MALFORMED_QUERY", "NON_CANONICAL_PATH");
        assertThat(codes("409")).containsExactly("CONCURRENT_UPDATE");
        assertThat(responses.has("201")).isTrue();
    }

    private java.util.List<String> codes(String status) {
        return responses.path(status).path("x-problem-codes").valueStream().map(JsonNode::asString).toList();
    }
}
