package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.sealing.Seal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Issuing and rotating a key honour an {@code Idempotency-Key} as the services' retryable calls do (service-platform's
 * idempotency package, whose filter the gateway turns off because it forwards every other call to the service that
 * owns it): a retry with the same key and request gets the first answer, the key's secret included; the same key with
 * another request is refused. The call runs in one transaction with the recording of its answer, written last under
 * the key's primary key: a retry racing the first waits there for its commit, then rolls back what it did (a second
 * key, a second rotation) and replays the first answer. Only a success is recorded. The answer is kept sealed
 * ({@link Seal}) and only for the replay window; the table is {@code gateway_idempotency_record}.
 */
@Component
class KeyedCalls {

    private static final Logger log = LoggerFactory.getLogger(KeyedCalls.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Seal seal;
    private final Duration window;

    KeyedCalls(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, CredentialProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
        this.seal = new Seal(properties.replayKey(), "coupons.gateway.credentials.replay-key");
        this.window = properties.replayWindow();
    }

    /**
     * Runs {@code work} once for {@code admin}'s {@code key}: the first time, and again only after a refusal or a
     * failure (which record nothing); every other time answers what the first success answered.
     */
    <T> ResponseEntity<T> once(CallerIdentity admin, String key, String operation, Object request, Class<T> answer,
            Supplier<ResponseEntity<T>> work) {
        if (key == null) {
            throw DomainException.invalid("IDEMPOTENCY_KEY_REQUIRED", IdempotencyFilter.HEADER,
                    "this call may be retried, so it needs an Idempotency-Key header");
        }
        if (!KEY.matcher(key).matches()) {
            throw DomainException.invalid("INVALID_IDEMPOTENCY_KEY", IdempotencyFilter.HEADER,
                    "an Idempotency-Key is 1 to 128 visible ASCII characters");
        }
        Call call = new Call("admin:" + admin.principal(), key, fingerprint(operation, request));
        Optional<Recorded> earlier = find(call);
        if (earlier.isPresent()) {
            return replay(call, earlier.get(), answer);
        }
        try {
            return transactions.execute(transaction -> {
                ResponseEntity<T> first = work.get();
                if (!record(call, first)) {
                    throw new KeyTaken();
                }
                return first;
            });
        } catch (RuntimeException e) {
            // a retry that ran while the first was open: it lost the key (or the row it changed) to the first
            Optional<Recorded> winner = find(call);
            if (winner.isPresent()) {
                return replay(call, winner.get(), answer);
            }
            if (e instanceof KeyTaken) {
                throw DomainException.conflict("IDEMPOTENT_REQUEST_IN_PROGRESS",
                        "the outcome under this Idempotency-Key could not be read back; retry shortly");
            }
            throw e;
        }
    }

    /** Forgets answers older than the replay window, and with them the sealed secrets. */
    @Scheduled(fixedDelayString = "${coupons.gateway.credentials.replay-sweep-interval:PT10M}", initialDelayString = "PT1M")
    void forgetExpired() {
        int forgotten = jdbc.sql("delete from gateway_idempotency_record where created_at < now() - make_interval(secs => ?)")
                .param(window.toSeconds())
                .update();
        if (forgotten > 0) {
            log.info("forgot {} replayable credential answers older than {}", forgotten, window);
        }
    }

    /** Records the answer, unless one younger than the window is recorded already: false then. An older one is replaced. */
    private boolean record(Call call, ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        return jdbc.sql("""
                        insert into gateway_idempotency_record
                               (scope, idempotency_key, request_hash, response_status, location, sealed_answer)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (scope, idempotency_key) do update
                           set request_hash = excluded.request_hash, response_status = excluded.response_status,
                               location = excluded.location, sealed_answer = excluded.sealed_answer, created_at = now()
                         where gateway_idempotency_record.created_at < now() - make_interval(secs => ?)""")
                .params(call.scope(), call.key(), call.requestHash(), answer.getStatusCode().value(),
                        location == null ? null : location.toString(),
                        seal.seal(json.writeValueAsBytes(answer.getBody()), call.row(call.requestHash())),
                        window.toSeconds())
                .update() == 1;
    }

    private Optional<Recorded> find(Call call) {
        return jdbc.sql("""
                        select request_hash, response_status, location, sealed_answer from gateway_idempotency_record
                         where scope = ? and idempotency_key = ? and created_at >= now() - make_interval(secs => ?)""")
                .params(call.scope(), call.key(), window.toSeconds())
                .query((rs, row) -> new Recorded(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private <T> ResponseEntity<T> replay(Call call, Recorded recorded, Class<T> answer) {
        if (!recorded.requestHash().equals(call.requestHash())) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED",
                    IdempotencyFilter.HEADER, "this Idempotency-Key was already used for a different request");
        }
        T body = json.readValue(seal.open(recorded.sealedAnswer(), call.row(recorded.requestHash())), answer);
        ResponseEntity.BodyBuilder replayed = ResponseEntity.status(HttpStatusCode.valueOf(recorded.status()))
                .header(IdempotencyFilter.REPLAYED_HEADER, "true");
        if (recorded.location() != null) {
            replayed.header(HttpHeaders.LOCATION, recorded.location());
        }
        return replayed.body(body);
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((operation + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** An administrator's keyed call: keys are per administrator, as two may happen to choose the same one. */
    private record Call(String scope, String key, String requestHash) {

        /** What a sealed answer is bound to: its row. */
        String row(String hash) {
            return scope + "\n" + key + "\n" + hash;
        }
    }

    private record Recorded(String requestHash, int status, String location, byte[] sealedAnswer) {
    }

    /** The key was recorded by another call in the meantime: this call's work is rolled back. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super("the Idempotency-Key is recorded by another call", null, false, false);
        }
    }
}
