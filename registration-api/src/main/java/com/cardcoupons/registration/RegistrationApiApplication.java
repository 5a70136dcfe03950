package com.cardcoupons.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Registers campaigns and their generation approval, and coupons acquired on usage media. */
@SpringBootApplication
public class RegistrationApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistrationApiApplication.class, args);
    }
}
