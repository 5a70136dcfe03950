package com.cardcoupons.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REGISTRATION = """
            {"openapi":"3.1.0","tags":[{"name":"Campaigns"}],
             "paths":{"/api/v1/campaigns":{"post":{"tags":["Campaigns"],"requestBody":{"content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/CampaignRequest"}}}}}},
                      "/api/probe/internal":{"get":{}}},
             "components":{"schemas":{"CampaignRequest":{"type":"object","properties":{"fee":{"$ref":"#/components/schemas/Money"}}},
                                      "Money":{"type":"object","properties":{"amountMinor":{"type":"integer"}}},
                                      "Page":{"type":"object","properties":{"items":{"type":"array"}}}}}}""";

    private static final String COUPON_SERVER = """
            {"openapi":"3.1.0","tags":[{"name":"Campaigns"},{"name":"Search"}],
             "paths":{"/api/v1/searches":{"post":{"responses":{"200":{"content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
                      "/api/v1/campaigns/stolen":{"get":{}}},
             "components":{"schemas":{"Money":{"type":"object","properties":{"amountMinor":{"type":"integer"}}},
                                      "Page":{"type":"object","properties":{"hits":{"type":"array"}}}}}}""";

    private final ObjectNode merged = new OpenApiMerger().merge(List.of(
            new OpenApiMerger.Source("registration-api", JSON.readTree(REGISTRATION), List.of("/api/v1/campaigns")),
            new OpenApiMerger.Source("coupon-server", JSON.readTree(COUPON_SERVER), List.of("/api/v1/searches"))),
            "https://gateway.example", List.of("settlement-relay"));

    @Test
    void eachServiceContributesOnlyThePathsRoutedToIt() {
        assertThat(merged.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/campaigns", "/api/v1/searches");
    }

    @Test
    void identicalComponentsAreKeptOnceAndClashingOnesRenamedWithTheirReferences() {
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.propertyNames()).containsExactlyInAnyOrder("CampaignRequest", "Money", "Page", "CouponServerPage");
        assertThat(schemas.path("Page").path("properties").has("items")).isTrue();
        assertThat(schemas.path("CouponServerPage").path("properties").has("hits")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1searches/post/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/CouponServerPage");
        assertThat(merged.at("/paths/~1api~1v1~1campaigns/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/CampaignRequest");
    }

    @Test
    void theDocumentSaysHowToAuthenticateWhereToCallAndWhatIsMissing() {
        assertThat(merged.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(merged.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
        assertThat(merged.at("/security/0").has("apiKey")).isTrue();
        assertThat(merged.at("/servers/0/url").asString()).isEqualTo("https://gateway.example");
        assertThat(merged.path("x-unavailable-services").get(0).asString()).isEqualTo("settlement-relay");
        assertThat(merged.path("tags").findValuesAsString("name")).containsExactly("Campaigns", "Search");
    }
}
