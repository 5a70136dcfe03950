package com.cardcoupons.relay.support;

import com.cardcoupons.couponserver.CouponServerApplication;
import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real coupon-server, started in this JVM on a test's database as its own Spring Boot application. It shares the
 * relay's classpath, and so reads the relay's {@code application.yml} and its overrides: command-line arguments, which
 * outrank every configuration file, give it its own name, port and database role, put back the platform's
 * idempotency, which the relay turns off for itself, in coupon-server's own table, and its readiness, which has no
 * settlement center link.
 */
public final class CouponServerInProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CouponServerInProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static CouponServerInProcess start(TestDatabase database) {
        return new CouponServerInProcess(new SpringApplicationBuilder(CouponServerApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.application.name=coupon-server",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(DatabaseRole.TILL),
                "--spring.datasource.password=" + database.password(DatabaseRole.TILL),
                "--coupons.gateway-trust.shared-secret=" + RelayTestBase.GATEWAY_SECRET,
                "--coupons.idempotency.enabled=true",
                "--coupons.idempotency.table=coupon_server_idempotency_record",
                "--coupons.idempotency.per-card=true",
                "--management.endpoint.health.group.readiness.include=readinessState,db"));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        context.close();
    }
}
