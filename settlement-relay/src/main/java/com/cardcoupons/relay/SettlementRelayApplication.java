package com.cardcoupons.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Relays credit-settlement terminals to the card settlement center, applying coupon discounts inside the authorization. */
@SpringBootApplication
public class SettlementRelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SettlementRelayApplication.class, args);
    }
}
