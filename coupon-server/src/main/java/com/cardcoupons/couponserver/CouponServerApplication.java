package com.cardcoupons.couponserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Finds the coupons a usage medium carries for an intended use, approves their use, accumulates usage and prints coupons. */
@SpringBootApplication
public class CouponServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CouponServerApplication.class, args);
    }
}
