package com.cardcoupons.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A stand-in for each of the three services behind the gateway, and the wiring that points the gateway at them. */
public record Downstreams(StandIn registrationApi, StandIn couponServer, StandIn settlementRelay) {

    public static Downstreams start() {
        return new Downstreams(StandIn.start("registration-api"), StandIn.start("coupon-server"), StandIn.start("settlement-relay"));
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_API_URL", registrationApi::url);
        registry.add("COUPON_SERVER_URL", couponServer::url);
        registry.add("SETTLEMENT_RELAY_URL", settlementRelay::url);
    }

    public void stop() {
        registrationApi.stop();
        couponServer.stop();
        settlementRelay.stop();
    }
}
