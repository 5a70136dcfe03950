package com.cardcoupons.couponserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Finds the coupons a usage medium carries for an intended use, approves their use, accumulates usage and prints coupons. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CouponServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CouponServerApplication.class, args);
    }

    /** The one clock of holds, expiries and validity windows. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
