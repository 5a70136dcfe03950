package com.cardcoupons.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class its own freshly migrated PostgreSQL database (see {@link PostgresTestDatabases}),
 * wired in as {@code spring.datasource.url}; the service connects as the role its configuration names. The database
 * is a bean ({@link TestDatabase}), whose {@link TestDatabase#owner()} writes what other services would have. Each
 * annotated class gets its own application context, so no state leaks between test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface IsolatedDatabase {
}
