package com.cardcoupons.standin;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.TestDatabase;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A service behind the gateway built on service-platform exactly as the real ones are: it verifies the gateway's
 * signature on every API call and checks roles, and tells a caller who it was verified to be.
 */
@SpringBootApplication
public class StandInService {

    public static ConfigurableApplicationContext start(TestDatabase database) {
        return new SpringApplicationBuilder(StandInService.class).run(
                "--server.port=0",
                "--spring.config.name=stand-in-service",
                "--spring.config.import=classpath:coupons-platform.yml",
                "--spring.application.name=stand-in-service",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                // it records keyed calls' outcomes as registration-api does, in a table of the same shape
                "--coupons.idempotency.table=registration_idempotency_record");
    }

    public static String url(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    @RestController
    static class WhoAmI {

        @PostMapping("/api/v1/searches")
        @PermittedRoles(Role.TERMINAL)
        CallerIdentity search(CallerIdentity caller, @RequestBody Map<String, Object> search) {
            return caller;
        }

        @GetMapping("/api/v1/campaigns")
        @PermittedRoles({Role.MERCHANT, Role.APPROVER})
        CallerIdentity campaigns(CallerIdentity caller) {
            return caller;
        }
    }
}
