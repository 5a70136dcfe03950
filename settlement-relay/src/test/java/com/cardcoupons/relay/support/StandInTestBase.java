package com.cardcoupons.relay.support;

import com.cardcoupons.platform.identity.IdentitySigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A relay calling a coupon-server stand-in, for what the real coupon-server cannot be made to do: fail only its holds,
 * or only its confirmations, and show exactly which headers each call carried.
 */
public abstract class StandInTestBase extends RelayTestBase {

    protected static final CouponServerStandIn couponServer = new CouponServerStandIn(new IdentitySigner(
            GATEWAY_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60), Clock.systemUTC()));

    @DynamicPropertySource
    static void couponServer(DynamicPropertyRegistry registry) {
        registry.add("relay.coupon-server.url", couponServer::url);
    }

    @BeforeEach
    void aFreshStandIn() {
        couponServer.reset();
    }

    @AfterEach
    void standInBackToNormal() {
        couponServer.reset();
    }
}
