package com.cardcoupons.couponserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import java.time.Clock;

/** Finds the coupons a usage medium carries for an intended use, approves their use, accumulates usage and prints coupons. */
@SpringBootApplication
@ConfigurationPropertiesScan
// every write runs in its caller's transaction; a search reads outside any, without a BEGIN and COMMIT round trip
@EnableJpaRepositories(enableDefaultTransactions = false)
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
