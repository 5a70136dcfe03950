package com.cardcoupons.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler a terminal or an app may retry: it requires an {@code Idempotency-Key} header. The platform runs the
 * handler in a transaction and records its outcome at the end of it; unless the handler
 * {@link #recordsItsOwnOutcome() records it itself}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

    /**
     * The handler does its work in one statement that commits by itself and records its success there too, through the
     * {@link IdempotentCall} it takes as a parameter; the platform then opens no transaction around it. This spares a
     * call on the till's hot path two round trips to the database (recording the outcome, committing). Its refusals
     * and failures are recorded, or not, as any other call's.
     */
    boolean recordsItsOwnOutcome() default false;
}
