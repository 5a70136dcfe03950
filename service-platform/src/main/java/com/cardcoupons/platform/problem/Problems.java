package com.cardcoupons.platform.problem;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.correlation.CorrelationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds the Problem Details every service answers with: a {@code type} URI and a {@code code} that clients can
 * switch on, the offending {@code field} where there is one, and the correlation id to quote to support.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:cardcoupons:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String field) {
        ProblemDetail problem = of(status, code, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public static ProblemDetail of(DomainException exception) {
        return of(statusOf(exception.kind()), exception.code(), exception.getMessage(), exception.field());
    }

    /** Several invalid fields at once; {@code field} and {@code code} name the first so simple clients need no list. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        FieldError first = errors.get(0);
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, first.code(), summary(errors), first.field());
        problem.setProperty("errors", errors);
        return problem;
    }

    public static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid, first " + errors.get(0).field() + ": " + errors.get(0).detail();
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String code, String detail) {
    }
}
