package com.cardcoupons.relay;

import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

@IsolatedDatabase
class SettlementRelayApplicationStartupTest extends PlatformServiceStartupContract {

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManagerFactory entities;

    SettlementRelayApplicationStartupTest() {
        super("settlement-relay");
    }

    @Autowired
    IdentitySigner signer;

    @Override
    protected BiFunction<String, String, Map<String, String>> administrator() {
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return (method, path) -> signer.sign(administrator, method, path);
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
