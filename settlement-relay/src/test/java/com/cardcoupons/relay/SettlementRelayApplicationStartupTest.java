package com.cardcoupons.relay;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.relay.support.SettlementCenter;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;
import com.cardcoupons.testsupport.WritesOnlyItsOwnTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@IsolatedDatabase
class SettlementRelayApplicationStartupTest extends PlatformServiceStartupContract implements WritesOnlyItsOwnTables {

    @DynamicPropertySource
    static void theSettlementCenter(DynamicPropertyRegistry registry) {
        registry.add("relay.settlement-center.port", SettlementCenter.shared()::isoPort);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    SettlementRelayApplicationStartupTest() {
        super("settlement-relay");
    }

    @Override
    public DataSource serviceDataSource() {
        return dataSource;
    }

    @Override
    public DatabaseRole databaseRole() {
        return DatabaseRole.RELAY;
    }

    @Override
    public Set<String> ownTables() {
        return Set.of("payment", "settlement_journal", "settlement_outbox", "acquirer_merchant", "acquirer_terminal");
    }

    @Autowired
    IdentitySigner signer;

    @Override
    protected BiFunction<String, String, Map<String, String>> administrator() {
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return (method, path) -> signer.sign(administrator, method, path);
    }

    @Test
    void persistsItsAggregatesWithPlainSqlAndHasNoJpaToMapThemWith() {
        assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", getClass().getClassLoader()))
                .as("JPA on the relay's class path").isFalse();
        assertThat(context.getBeansOfType(JdbcClient.class)).hasSize(1);
    }

    @Test
    void leavesThePlatformsIdempotencyFilterOffForItsOwn() {
        assertThat(context.getEnvironment().getProperty("coupons.idempotency.enabled")).isEqualTo("false");
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .<Object>extracting(registration -> registration.getFilter().getClass())
                .isNotEmpty().doesNotContain(IdempotencyFilter.class);
    }
}
