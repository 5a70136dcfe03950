package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.relay.SettlementRelayApplication;
import com.cardcoupons.relay.support.CouponServerStandIn;
import com.cardcoupons.relay.support.RelayTestBase;
import com.cardcoupons.relay.support.SettlementCenter;
import com.cardcoupons.relay.support.TcpProxy;
import com.cardcoupons.testsupport.PostgresTestDatabases;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay readies its coupon-server client while it starts, before its web server takes a payment; and it starts
 * all the same when coupon-server is down. What the warm-up saves is time, which the benchmark measures; here only
 * that it happens, and when.
 */
class CouponServerWarmUpTest {

    private static final TestDatabase database = PostgresTestDatabases.create("relaywarmup");

    private final CouponServerStandIn couponServer = new CouponServerStandIn(new IdentitySigner(
            RelayTestBase.GATEWAY_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60), Clock.systemUTC()));
    private final List<ConfigurableApplicationContext> relays = new ArrayList<>();

    @AfterEach
    void stop() {
        relays.forEach(ConfigurableApplicationContext::close);
        couponServer.close();
    }

    @Test
    void eachClientReadsCouponServersHealthBeforeTheWebServerTakesTraffic() {
        AtomicLong healthReadsWhenTheWebServerStarted = new AtomicLong(-1);

        start(couponServer.url(), () -> healthReadsWhenTheWebServerStarted.set(couponServer.callsTo("/actuator/health")));

        assertThat(healthReadsWhenTheWebServerStarted.get()).as("three reads by each of the two clients").isEqualTo(6);
        assertThat(couponServer.calls()).extracting(CouponServerStandIn.Call::path).containsOnly("/actuator/health/readiness");
    }

    @Test
    void withCouponServerDownTheRelayStartsAllTheSame() {
        TcpProxy closed = new TcpProxy();
        closed.down();

        ConfigurableApplicationContext relay = start(closed.url(), () -> { });

        assertThat(relay.isActive()).isTrue();
        closed.close();
    }

    private ConfigurableApplicationContext start(String couponServerUrl, Runnable whenTheWebServerStarted) {
        ConfigurableApplicationContext relay = new SpringApplicationBuilder(SettlementRelayApplication.class)
                .listeners(new ApplicationListener<WebServerInitializedEvent>() {
                    @Override
                    public void onApplicationEvent(WebServerInitializedEvent event) {
                        whenTheWebServerStarted.run();
                    }
                })
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(DatabaseRole.RELAY),
                        "--spring.datasource.password=" + database.password(DatabaseRole.RELAY),
                        "--coupons.gateway-trust.shared-secret=" + RelayTestBase.GATEWAY_SECRET,
                        "--relay.settlement-center.port=" + SettlementCenter.shared().isoPort(),
                        "--relay.coupon-server.url=" + couponServerUrl);
        relays.add(relay);
        return relay;
    }
}
