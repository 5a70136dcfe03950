package com.cardcoupons.registration;

import com.cardcoupons.model.problem.DomainException;

import java.util.function.Supplier;

/**
 * Reports a problem found by a value object at the JSON path where that value sat in the request, so a client
 * learns which field to fix: a discount's {@code basisPoints} becomes {@code terms.discount.basisPoints}.
 */
public final class FieldPath {

    private FieldPath() {
    }

    /** Runs {@code step}; a {@link DomainException} it throws is reported under {@code path} (none when null). */
    public static <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException problem) {
            throw path == null ? problem : problem.under(path);
        }
    }

    /** The path of element {@code index} of the list at {@code path}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }
}
