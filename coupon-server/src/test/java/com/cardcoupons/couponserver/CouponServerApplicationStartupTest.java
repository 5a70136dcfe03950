package com.cardcoupons.couponserver;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class CouponServerApplicationStartupTest {

    @LocalServerPort
    int port;

    @Test
    void startsOnTheSharedSchemaAndReportsItsHealthMetricsAndApi() {
        ApiCaller operator = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(operator.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(operator.get("/actuator/health/readiness").json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(operator.get("/actuator/prometheus").body()).contains("application=\"coupon-server\"");
        assertThat(operator.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void refusesApiCallsThatDidNotComeThroughTheGateway() {
        ApiCaller direct = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(direct.get("/api/v1/anything").code()).isEqualTo("GATEWAY_IDENTITY_MISSING");
    }
}
