package com.cardcoupons.platform.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal a handler (or every handler of a controller) can answer with, beyond those the platform adds by itself
 * (malformed input, identity, roles, idempotency): its status and the stable codes it comes with. The API document
 * lists them under the operation, and the contract tests fail on a code answered that is not listed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Refuses.All.class)
public @interface Refuses {

    int status();

    String[] codes();

    /** The refusals of one handler or controller. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface All {
        Refuses[] value();
    }
}
