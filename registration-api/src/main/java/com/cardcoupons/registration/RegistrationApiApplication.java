package com.cardcoupons.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** Registers campaigns and their generation approval, and coupons acquired on usage media. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrationApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistrationApiApplication.class, args);
    }

    /**
     * Validity windows, expiries and recorded steps all read this clock, so tests can move it. It ticks in
     * microseconds, as PostgreSQL keeps time, so an instant answered is the instant stored.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
