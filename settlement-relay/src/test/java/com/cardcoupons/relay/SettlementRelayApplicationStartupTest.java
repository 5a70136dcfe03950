package com.cardcoupons.relay;

import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.relay.support.SettlementCenter;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@IsolatedDatabase
class SettlementRelayApplicationStartupTest extends PlatformServiceStartupContract {

    @DynamicPropertySource
    static void theSettlementCenter(DynamicPropertyRegistry registry) {
        registry.add("relay.settlement-center.port", SettlementCenter.shared()::isoPort);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManagerFactory entities;

    SettlementRelayApplicationStartupTest() {
        super("settlement-relay");
    }

    @Test
    void mapsItsTablesWithJpaThatHibernateValidatedAgainstTheMigratedSchema() {
        assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(entities.getMetamodel().getEntities()).extracting(EntityType::getName)
                .contains("Payment", "JournalEntry", "FollowUp", "PaymentOrigin");
    }

    @Test
    void leavesThePlatformsIdempotencyFilterOffForItsOwn() {
        assertThat(context.getEnvironment().getProperty("coupons.idempotency.enabled")).isEqualTo("false");
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .<Object>extracting(registration -> registration.getFilter().getClass())
                .isNotEmpty().doesNotContain(IdempotencyFilter.class);
    }
}
