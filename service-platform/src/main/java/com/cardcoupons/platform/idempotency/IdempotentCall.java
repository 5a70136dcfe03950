package com.cardcoupons.platform.idempotency;

import jakarta.servlet.ServletRequest;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionStatus;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A call made with an {@code Idempotency-Key}: whose key it is, the request it came with, and, in a service that keeps
 * its outcomes per card, the card it concerns ({@link #concerns}). A handler that
 * {@linkplain Idempotent#recordsItsOwnOutcome() records its own outcome} writes {@link #outcome} into the service's
 * table ({@link #RECORD_COLUMNS}) in the same statement as its work, reports it with {@link #recorded()}, and throws
 * {@link #taken()} when that insert finds the key recorded already: the platform then answers with the outcome
 * recorded first.
 */
public final class IdempotentCall {

    /** The columns of a recorded outcome that {@link #outcome} gives the values of, in that order. */
    public static final String RECORD_COLUMNS =
            "scope, idempotency_key, request_hash, response_status, content_type, location, response_body";

    private static final String ATTRIBUTE = IdempotentCall.class.getName();

    private final String scope;
    private final String key;
    private final String requestHash;
    private final Map<String, List<String>> headersBefore;
    private final JsonMapper jsonMapper;
    private TransactionStatus transaction;
    private String card;
    private boolean handlerRecords;
    private boolean recorded;

    IdempotentCall(String scope, String key, String requestHash, Map<String, List<String>> headersBefore,
            JsonMapper jsonMapper) {
        this.scope = scope;
        this.key = key;
        this.requestHash = requestHash;
        this.headersBefore = headersBefore;
        this.jsonMapper = jsonMapper;
    }

    /** The keyed call being served, or null when the request carries no key. */
    public static IdempotentCall of(ServletRequest request) {
        return (IdempotentCall) request.getAttribute(ATTRIBUTE);
    }

    void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /**
     * The values of {@link #RECORD_COLUMNS} for a success answered with {@code body} as JSON: the same bytes as the
     * answer the handler returns, so a retry gets exactly what the first call got.
     */
    public List<Object> outcome(int status, URI location, Object body) {
        return recordValues(new StoredOutcome(requestHash, status, MediaType.APPLICATION_JSON_VALUE,
                location == null ? null : location.toString(), jsonMapper.writeValueAsBytes(body)));
    }

    /** The values of {@link #RECORD_COLUMNS} for this call's key and {@code outcome}, in that order. */
    List<Object> recordValues(StoredOutcome outcome) {
        return Arrays.asList(scope, key, outcome.requestHash(), outcome.status(), outcome.contentType(),
                outcome.location(), outcome.body());
    }

    /** The card the call concerns, by its token: where a service that keeps its outcomes per card records this one. */
    public void concerns(String cardToken) {
        this.card = cardToken;
    }

    String card() {
        return card;
    }

    /** The handler's statement committed its outcome. */
    public void recorded() {
        recorded = true;
    }

    /** What to throw when the key turns out to be recorded by another call: this call's answer is that one's. */
    public IdempotencyKeyTaken taken() {
        return new IdempotencyKeyTaken();
    }

    String scope() {
        return scope;
    }

    String key() {
        return key;
    }

    String requestHash() {
        return requestHash;
    }

    Map<String, List<String>> headersBefore() {
        return headersBefore;
    }

    TransactionStatus transaction() {
        return transaction;
    }

    void runIn(TransactionStatus transaction) {
        this.transaction = transaction;
    }

    boolean handlerRecords() {
        return handlerRecords;
    }

    void letHandlerRecord() {
        this.handlerRecords = true;
    }

    boolean isRecorded() {
        return recorded;
    }
}
