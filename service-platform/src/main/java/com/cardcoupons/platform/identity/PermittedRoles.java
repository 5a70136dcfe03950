package com.cardcoupons.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an API endpoint, on the handler method or its controller class. An API endpoint that
 * declares none refuses everyone: access is granted on purpose, never by omission.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PermittedRoles {

    Role[] value();
}
