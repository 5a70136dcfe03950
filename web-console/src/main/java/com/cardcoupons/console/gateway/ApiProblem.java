package com.cardcoupons.console.gateway;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A refusal from the API as its RFC 9457 Problem Details said it: the status, the stable code, the message and the
 * offending fields, so a page can show each message next to the input it is about.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final List<FieldError> errors;

    public ApiProblem(int status, String code, String detail, String field, List<FieldError> errors) {
        super(detail == null || detail.isBlank() ? "The platform refused this (" + status + ")" : detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** The first offending field, a JSON path of the request ({@code terms.title}), or null. */
    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message about one field, or null: used by the pages to show it next to that input. */
    public String messageFor(String name) {
        for (FieldError error : errors) {
            if (Objects.equals(error.field(), name)) {
                return error.detail();
            }
        }
        return Objects.equals(field, name) ? detail() : null;
    }

    /** The same problem with its fields named as the page's inputs are, where the page names them otherwise than the API. */
    public ApiProblem renamed(UnaryOperator<String> inputOf) {
        return new ApiProblem(status, code, detail(), field == null ? null : inputOf.apply(field),
                errors.stream().map(error -> new FieldError(error.field() == null ? null : inputOf.apply(error.field()),
                        error.code(), error.detail())).toList());
    }

    /** One invalid field among several. */
    public record FieldError(String field, String code, String detail) {
    }
}
