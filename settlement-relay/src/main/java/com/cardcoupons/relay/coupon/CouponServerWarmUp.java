package com.cardcoupons.relay.coupon;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Readies the coupon-server client while the relay starts, before its web server takes the first payment: a cold
 * client's first searches take longer than the search budget, and a freshly started relay would charge its first
 * customers full price for nothing. Bounded by the client's own timeouts; coupon-server down only makes it shorter.
 */
@Component
class CouponServerWarmUp implements SmartLifecycle {

    /** Before the web server's start (Spring Boot starts it in phase {@code DEFAULT_PHASE - 2048}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final HttpCouponServer couponServer;
    private final CouponSearch search;
    private final int healthReads;
    private volatile boolean running;

    CouponServerWarmUp(HttpCouponServer couponServer, CouponSearch search, CouponServerProperties properties) {
        this.couponServer = couponServer;
        this.search = search;
        this.healthReads = properties.warmUpHealthReads();
    }

    @Override
    public void start() {
        search.warmUp();
        couponServer.warmUp(healthReads);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
