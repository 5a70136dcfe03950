package com.cardcoupons.settlementcenter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Plays the card settlement center for local runs, tests and benchmarks; production talks to a real acquirer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SettlementCenterSimulatorApplication {

    /** Its settings file is named after it, so it never picks up another service's application.yml in a shared JVM. */
    public static final String CONFIG_NAME = "settlement-center-simulator";

    public static void main(String[] args) {
        builder().run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SettlementCenterSimulatorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
