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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a keyed mutating call and the recording of its outcome in one database transaction, so that the call's
 * effects and its recorded outcome commit together or not at all. The key is claimed first: a retry that arrives
 * while the original still runs waits for it and then replays its outcome. A refusal (4xx) writes nothing but is
 * recorded too, so a retry gets the same answer; a failure (5xx) is not recorded, so a retry tries again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final IdempotencyRecords records;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate separateTransaction;
    private final ProblemResponses problems;
    private final String service;

    public IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions,
            ProblemResponses problems, String service) {
        this.records = records;
        this.transactions = transactions;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(DefaultTransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.problems = problems;
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
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "an Idempotency-Key is 1 to 128 visible ASCII characters", HEADER));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "the request body exceeds " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        BufferedRequest buffered = new BufferedRequest(request, body);
        String scope = scopeOf(request);
        String hash = fingerprint(request, body);

        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        boolean claimed;
        try {
            claimed = records.claim(scope, key, hash);
        } catch (RuntimeException e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (!claimed) {
            transactions.rollback(transaction);
            replay(scope, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            throw e;
        }
        settle(transaction, scope, key, hash, captured);
        captured.copyBodyToResponse();
    }

    private void settle(TransactionStatus transaction, String scope, String key, String hash,
            ContentCachingResponseWrapper captured) {
        int status = captured.getStatus();
        if (status < 400 && !transaction.isRollbackOnly()) {
            records.complete(scope, key, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                    captured.getContentAsByteArray());
            transactions.commit(transaction);
            return;
        }
        transactions.rollback(transaction);
        if (status >= 400 && status < 500) {
            separateTransaction.executeWithoutResult(tx -> records.recordRefusal(scope, key, hash, status,
                    captured.getContentType(), captured.getContentAsByteArray()));
        }
    }

    private void replay(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        Optional<StoredOutcome> stored = records.find(scope, key);
        if (stored.isEmpty()) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                    "a request with this Idempotency-Key is still being processed; retry shortly"));
            return;
        }
        StoredOutcome outcome = stored.get();
        if (!outcome.requestHash().equals(hash)) {
            problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was already used for a different request", HEADER));
            return;
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
    }

    /** Keys are per service and per caller: two terminals may happen to choose the same key. */
    private String scopeOf(HttpServletRequest request) {
        CallerIdentity caller = GatewayIdentityFilter.callerOf(request);
        return service + ":" + (caller == null ? "anonymous" : caller.role() + ":" + caller.principal());
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
