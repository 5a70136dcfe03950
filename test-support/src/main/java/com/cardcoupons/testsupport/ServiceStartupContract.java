package com.cardcoupons.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service shows an operator once it has started, over real HTTP: live and ready probes, Prometheus
 * metrics and its OpenAPI document. A service's startup test extends this and keeps only what is its own; one that
 * redeclares {@code @SpringBootTest} (to add properties) must keep the random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceStartupContract {

    @LocalServerPort
    private int port;

    /** A caller without credentials, as a probe, a metrics scraper or a stray client would be. */
    protected ApiCaller anonymous() {
        return ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void startsAndReportsItsHealthMetricsAndApi() {
        ApiCaller operator = anonymous();
        assertThat(operator.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(operator.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
        assertThat(operator.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(operator.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
