package com.cardcoupons.settlementcenter;

import com.cardcoupons.testsupport.ApiCaller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SettlementCenterSimulatorApplication.CONFIG_NAME)
class SettlementCenterSimulatorStartupTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndReportsItsHealth() {
        ApiCaller operator = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(operator.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
        assertThat(operator.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/prometheus").status()).isEqualTo(200);
    }
}
