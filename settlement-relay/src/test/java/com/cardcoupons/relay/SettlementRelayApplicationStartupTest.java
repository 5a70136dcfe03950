package com.cardcoupons.relay;

import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.IsolatedDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class SettlementRelayApplicationStartupTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManagerFactory entities;

    @Test
    void startsOnTheSharedSchemaAndReportsItsHealthMetricsAndApi() {
        ApiCaller operator = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(operator.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(operator.get("/actuator/health/readiness").json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(operator.get("/actuator/prometheus").body()).contains("application=\"settlement-relay\"");
        assertThat(operator.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void mapsItsTablesWithJpaThatHibernateValidatedAgainstTheMigratedSchema() {
        assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(entities.getMetamodel().getEntities()).extracting(EntityType::getName)
                .contains("Payment", "JournalEntry", "FollowUp", "PayingTerminal");
    }

    @Test
    void leavesThePlatformsIdempotencyFilterOffForItsOwn() {
        assertThat(context.getEnvironment().getProperty("coupons.idempotency.enabled")).isEqualTo("false");
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .<Object>extracting(registration -> registration.getFilter().getClass())
                .isNotEmpty().doesNotContain(IdempotencyFilter.class);
    }

    @Test
    void refusesApiCallsThatDidNotComeThroughTheGateway() {
        ApiCaller direct = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(direct.get("/api/v1/anything").code()).isEqualTo("GATEWAY_IDENTITY_MISSING");
    }
}
