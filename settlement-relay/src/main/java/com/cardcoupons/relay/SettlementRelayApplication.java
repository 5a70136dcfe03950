package com.cardcoupons.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Relays credit-settlement terminals to the card settlement center, applying coupon discounts inside the authorization. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SettlementRelayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SettlementRelayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
