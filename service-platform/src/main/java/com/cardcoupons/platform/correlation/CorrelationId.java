package com.cardcoupons.platform.correlation;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of the request being served, kept in the logging MDC so every log line carries it. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    // strict, so a client-chosen id can neither forge log lines nor carry data
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationId() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The caller's id if it is well formed, otherwise a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
