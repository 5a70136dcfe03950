package com.cardcoupons.model.problem;

import java.util.Objects;

/**
 * A broken business rule, carrying a stable machine-readable code and, where one is to blame, the offending field.
 * The web layer of every service turns it into an RFC 9457 Problem Details answer; the domain never knows about HTTP.
 */
public class DomainException extends RuntimeException {

    private final Kind kind;
    private final String code;
    private final String field;

    public DomainException(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static DomainException invalid(String code, String field, String message) {
        return new DomainException(Kind.INVALID, code, field, message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, null, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The offending field relative to the value that rejected it, or {@code null} when no single field is to blame. */
    public String field() {
        return field;
    }

    /** Same problem, reported against a field path prefixed by where the value sat in the request. */
    public DomainException under(String path) {
        String nested = field == null ? path : path + "." + field;
        DomainException moved = new DomainException(kind, code, nested, getMessage());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** What went wrong, independent of transport; the web layer maps each kind to one HTTP status. */
    public enum Kind {
        /** The request itself is malformed or out of range (400). */
        INVALID,
        /** Well formed, but breaks a rule of the current state (422). */
        UNPROCESSABLE,
        /** The thing asked for does not exist, or is not visible to the caller (404). */
        NOT_FOUND,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** Lost a race or a limit is exhausted (409). */
        CONFLICT
    }
}
