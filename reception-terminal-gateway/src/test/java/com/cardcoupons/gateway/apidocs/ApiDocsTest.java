package com.cardcoupons.gateway.apidocs;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A client reads one API at the gateway: the services' documents merged with the gateway's credentials API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class ApiDocsTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    static {
        DOWNSTREAMS.registrationApi().serve("/v3/api-docs", """
                {"openapi":"3.1.0","info":{"title":"registration-api","version":"1"},"paths":{"/api/v1/campaigns":
                 {"get":{"operationId":"listCampaigns","responses":{"200":{"description":"the campaigns"}}}}}}""");
        DOWNSTREAMS.couponServer().serve("/v3/api-docs", """
                {"openapi":"3.1.0","info":{"title":"coupon-server","version":"1"},"paths":{
                 "/api/v1/searches":{"post":{"operationId":"search","responses":{"200":{"description":"the coupons"}}}},
                 "/api/v1/usage/campaigns/{id}":{"get":{"operationId":"usage",
                  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                  "responses":{"200":{"description":"the figures"}}}}}}""");
        DOWNSTREAMS.settlementRelay().serve("/v3/api-docs", "not json at all");
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DOWNSTREAMS.register(registry);
    }

    @AfterAll
    static void stop() {
        DOWNSTREAMS.stop();
    }

    @Test
    void theMergedDocumentHoldsEveryServicesPathsAndTheCredentialsApi() {
        Reply reply = ApiCaller.anonymous("http://localhost:" + port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode paths = reply.json().path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/campaigns", "/api/v1/searches", "/api/v1/usage/campaigns/{id}",
                "/api/v1/credentials", "/api/v1/credentials/{id}", "/api/v1/credentials/{id}/rotation",
                "/api/v1/credentials/{id}/revocation");
        assertThat(paths.path("/api/v1/credentials").has("post")).isTrue();
        assertThat(reply.json().at("/components/schemas/IssueCredentialRequest/properties/kind").isMissingNode()).isFalse();
        assertThat(reply.json().path("x-unavailable-services").get(0).asString()).isEqualTo("settlement-relay");
        assertThat(reply.json().at("/servers/0/url").asString()).isEqualTo("http://localhost:" + port);
    }

    @Test
    void theGatewaysOwnDocumentIsThereToo() {
        Reply reply = ApiCaller.anonymous("http://localhost:" + port).get("/v3/api-docs/gateway");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("paths").has("/api/v1/credentials")).isTrue();
    }
}
