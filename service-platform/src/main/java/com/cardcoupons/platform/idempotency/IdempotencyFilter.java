package com.cardcoupons.platform.idempotency;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.GatewayIdentityFilter;
import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import com.cardcoupons.platform.servlet.BufferedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a keyed mutating call in one database transaction with the recording of its outcome, so that the call's effects
 * and its recorded outcome commit together or not at all ({@link IdempotentHandlers} opens it before the handler).
 * The outcome is recorded last, under the key's primary key: a retry that runs while the original is still open waits
 * there until the original commits, then rolls its own effects back and replays the original's outcome; a later retry
 * learns of it the same way. Recording last rather than claiming the key first spares every call a round trip to the
 * database; what a duplicate does before it learns is undone with its transaction. A handler may also record its
 * success itself, in the one statement that does its work ({@link Idempotent#recordsItsOwnOutcome()}). Only a
 * success is recorded: a refusal (4xx) or a failure (5xx) writes nothing at all, not even under its key, so a retry
 * with the same key runs again (and is answered as the state then is).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final IdempotencyRecords records;
    private final PlatformTransactionManager transactions;
    private final ProblemResponses problems;
    private final JsonMapper jsonMapper;
    private final String service;

    public IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions,
            ProblemResponses problems, JsonMapper jsonMapper, String service) {
        this.records = records;
        this.transactions = transactions;
        this.problems = problems;
        this.jsonMapper = jsonMapper;
        this.service = service;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "an Idempotency-Key is 1 to 128 visible ASCII characters", HEADER));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "the request body exceeds " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        IdempotentCall call = new IdempotentCall(scopeOf(request), key, fingerprint(request, body), headersOf(response),
                jsonMapper);
        call.attachTo(request);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedRequest(request, body), captured);
        } catch (IOException | ServletException | RuntimeException e) {
            rollback(call);
            if (!replayed(call, request, response)) {
                throw e;
            }
            return;
        }
        settle(call, request, captured, response);
    }

    private void settle(IdempotentCall call, HttpServletRequest request, ContentCachingResponseWrapper captured,
            HttpServletResponse response) throws IOException {
        if (call.isRecorded()) {
            captured.copyBodyToResponse();
            return;
        }
        StoredOutcome outcome = new StoredOutcome(call.requestHash(), captured.getStatus(), captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
        TransactionStatus transaction = call.transaction();
        if (transaction != null && outcome.status() < 400 && !transaction.isRollbackOnly()) {
            if (records.record(call, outcome)) {
                transactions.commit(transaction);
                captured.copyBodyToResponse();
                return;
            }
            rollback(call);
            if (!replayed(call, request, response)) {
                // recorded a moment ago and forgotten since: this call's own effects are rolled back, so it must not claim them
                problems.write(request, response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                        "the outcome under this Idempotency-Key could not be read back; retry shortly"));
            }
            return;
        }
        rollback(call);
        if (call.handlerRecords() && outcome.status() < 400) {
            log.error("{} {} answered {} without recording its outcome; a retry will run it again",
                    request.getMethod(), request.getRequestURI(), outcome.status());
        }
        if (!replayed(call, request, response)) {
            captured.copyBodyToResponse();
        }
    }

    /** Answers with the outcome recorded under the call's key, if there is one; the call's own answer is dropped. */
    private boolean replayed(IdempotentCall call, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<StoredOutcome> stored = records.find(call.scope(), call.key(), call.requestHash());
        if (stored.isEmpty()) {
            return false;
        }
        response.reset();
        call.headersBefore().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        StoredOutcome outcome = stored.get();
        if (!outcome.requestHash().equals(call.requestHash())) {
            problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was already used for a different request", HEADER));
            return true;
        }
        response.setStatus(outcome.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (outcome.contentType() != null) {
            response.setContentType(outcome.contentType());
        }
        if (outcome.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, outcome.location());
        }
        response.getOutputStream().write(outcome.body());
        return true;
    }

    private void rollback(IdempotentCall call) {
        if (call.transaction() != null && !call.transaction().isCompleted()) {
            transactions.rollback(call.transaction());
        }
    }

    /** Keys are per service and per caller: two terminals may happen to choose the same key. */
    private String scopeOf(HttpServletRequest request) {
        CallerIdentity caller = GatewayIdentityFilter.callerOf(request);
        return service + ":" + (caller == null ? "anonymous" : caller.role() + ":" + caller.principal());
    }

    /** What outer filters put on the response (the correlation id, say), kept when a replay replaces the answer. */
    private static Map<String, List<String>> headersOf(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        return headers;
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
