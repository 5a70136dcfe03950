package com.cardcoupons.platform.schema;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * A service never migrates the shared schema: it connects as its own role, which may not change the schema. The
 * migrations run once, as the schema's owner, before the services start (the one-command run, docker-compose's
 * {@code migrate} service, the tests' template database, the benchmark harness). At start a service validates the
 * migration history against the migrations it was built with, so one built for a newer schema refuses to start on an
 * older one instead of failing on its first request (docs/architecture.md).
 */
@AutoConfiguration
@ConditionalOnClass(FlywayMigrationStrategy.class)
public class SchemaAutoConfiguration {

    @Bean
    FlywayMigrationStrategy validateOnly() {
        return flyway -> flyway.validate();
    }
}
