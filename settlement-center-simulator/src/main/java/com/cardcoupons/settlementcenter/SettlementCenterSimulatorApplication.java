package com.cardcoupons.settlementcenter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Plays the card settlement center for local runs, tests and benchmarks; production talks to a real acquirer. */
@SpringBootApplication
public class SettlementCenterSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SettlementCenterSimulatorApplication.class, args);
    }
}
