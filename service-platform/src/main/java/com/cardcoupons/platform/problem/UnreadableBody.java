package com.cardcoupons.platform.problem;

import com.cardcoupons.model.problem.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Currency;
import java.util.List;

/**
 * Explains a request body that could not be read, naming the JSON path of the offending field. It never echoes
 * the rejected value: that value may be a card number.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static ProblemDetail explain(HttpMessageNotReadableException exception) {
        JacksonException jackson = find(exception, JacksonException.class);
        DomainException domain = find(exception, DomainException.class);
        String path = jackson == null ? null : path(jackson.getPath());
        if (domain != null) {
            DomainException located = path == null ? domain : domain.under(path);
            return Problems.of(located);
        }
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                    "'" + unknown.getPropertyName() + "' is not a field of this request", path);
        }
        if (jackson instanceof InvalidNullException || missingPrimitive(jackson)) {
            return Problems.of(HttpStatus.BAD_REQUEST, "FIELD_REQUIRED", path + " must not be null", path);
        }
        if (jackson instanceof InvalidFormatException format) {
            if (Currency.class.equals(format.getTargetType())) {
                return Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_CURRENCY", "must be an ISO 4217 currency code", path);
            }
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FORMAT", "must be a valid " + describe(format.getTargetType()), path);
        }
        if (jackson instanceof MismatchedInputException mismatch && path != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FORMAT", "must be a valid " + describe(mismatch.getTargetType()), path);
        }
        if (jackson != null && path == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON");
        }
        if (jackson != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FORMAT", "this field could not be read", path);
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "BODY_REQUIRED", "a JSON request body is required");
    }

    /** A number, a boolean or the like left out or given as null: strict JSON gives it no default of its own. */
    private static boolean missingPrimitive(JacksonException jackson) {
        return jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot map `null`");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return type.getSimpleName();
    }

    private static String path(List<JacksonException.Reference> references) {
        if (references == null || references.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
