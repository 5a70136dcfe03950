package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.card.CardAccount;
import com.cardcoupons.settlementcenter.card.CardAccounts;
import com.cardcoupons.settlementcenter.card.CardFingerprint;
import com.cardcoupons.settlementcenter.card.CardFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulated card issuers behind the settlement center: decides each authorization once (valid card, not
 * expired, not blocked, within the limit), holds its funds, and releases them on reversal, all of them or, for a
 * partial reversal, down to the replacement amount. Each key is decided and reversed under the map's lock for that
 * key, so a duplicate and a reversal racing it stay consistent.
 */
@Component
public class Issuer {

    private static final Logger log = LoggerFactory.getLogger(Issuer.class);
    private static final char[] CODE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();

    private final ConcurrentHashMap<String, Authorization> authorizations = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> byCard = new ConcurrentHashMap<>();
    private final Queue<String> arrivalOrder = new ConcurrentLinkedQueue<>();
    private final SecureRandom random = new SecureRandom();
    private final CardFingerprints fingerprints;
    private final CardAccounts accounts;
    private final Clock clock;
    private final int maxAuthorizations;

    Issuer(CardFingerprints fingerprints, CardAccounts accounts, Clock clock, RetentionProperties retention) {
        this.fingerprints = fingerprints;
        this.accounts = accounts;
        this.clock = clock;
        this.maxAuthorizations = retention.maxAuthorizations();
    }

    /** The issuer's answer to an authorization: its response code and, when approved, the approval code. */
    public record Answer(ResponseCode responseCode, String approvalCode) {

        static Answer of(Authorization authorization) {
            return new Answer(authorization.responseCode(), authorization.approvalCode());
        }
    }

    public Answer authorize(AuthorizationRequest request) {
        Optional<CardFingerprint> card = fingerprints.of(request.cardNumber());
        boolean[] fresh = {false};
        Authorization recorded = authorizations.compute(request.key(), (key, existing) -> {
            if (existing != null) {
                return existing;
            }
            fresh[0] = true;
            return decide(request, card.orElse(null));
        });
        if (fresh[0]) {
            arrivalOrder.add(recorded.key());
            if (recorded.card() != null) {
                byCard.computeIfAbsent(recorded.card().hash(), hash -> new ConcurrentLinkedQueue<>()).add(recorded.key());
            }
            log.info("authorization {} {} {} card {} amount {}", recorded.key(), recorded.state(),
                    recorded.responseCode().iso(), recorded.card(), recorded.amount());
            forgetOldest();
            return Answer.of(recorded);
        }
        if (!recorded.sameMessage(card.orElse(null), request.amount())) {
            log.info("authorization {} refused: the key was used before for another message or reversed first", recorded.key());
            return new Answer(ResponseCode.INVALID_TRANSACTION, null);
        }
        return Answer.of(recorded);
    }

    public ReversalResult reverse(ReversalRequest request) {
        ReversalResult[] result = {ReversalResult.NOTHING_TO_REVERSE};
        authorizations.compute(request.originalKey(), (key, existing) -> {
            if (existing == null) {
                return request.partial() ? null : Authorization.reversedBeforeArrival(key, request.amount(), clock.instant());
            }
            result[0] = existing.reverse(request, released -> accounts.account(existing.card()).release(released));
            return existing;
        });
        log.info("{} of {} {}", request.partial() ? "partial reversal to " + request.replacementMinor() : "reversal",
                request.originalKey(), result[0]);
        return result[0];
    }

    Optional<Authorization> find(String key) {
        return Optional.ofNullable(authorizations.get(key));
    }

    /** The authorizations the card received that are still remembered, oldest first. */
    public List<Authorization> of(CardFingerprint card) {
        return byCard.getOrDefault(card.hash(), new ConcurrentLinkedQueue<>()).stream()
                .map(authorizations::get).filter(Objects::nonNull).toList();
    }

    private Authorization decide(AuthorizationRequest request, CardFingerprint card) {
        Instant now = clock.instant();
        if (card == null) {
            return Authorization.declined(request, null, ResponseCode.INVALID_CARD_NUMBER, now);
        }
        if (request.expiry().isBefore(YearMonth.from(now.atOffset(ZoneOffset.UTC)))) {
            return Authorization.declined(request, card, ResponseCode.EXPIRED_CARD, now);
        }
        CardAccount account = accounts.account(card);
        if (account.isBlocked()) {
            return Authorization.declined(request, card, ResponseCode.RESTRICTED_CARD, now);
        }
        if (!account.hold(request.amount())) {
            return Authorization.declined(request, card, ResponseCode.INSUFFICIENT_FUNDS, now);
        }
        return Authorization.approved(request, card, approvalCode(), now);
    }

    /** Beyond the retention, the oldest authorizations expire as they would at a real issuer, releasing their funds. */
    private void forgetOldest() {
        while (authorizations.size() > maxAuthorizations) {
            String oldest = arrivalOrder.poll();
            if (oldest == null) {
                return;
            }
            authorizations.computeIfPresent(oldest, (key, expired) -> {
                Amount held = expired.held();
                if (held != null) {
                    accounts.account(expired.card()).release(held);
                }
                if (expired.card() != null) {
                    byCard.getOrDefault(expired.card().hash(), new ConcurrentLinkedQueue<>()).remove(key);
                }
                return null;
            });
        }
    }

    private String approvalCode() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_CHARACTERS[random.nextInt(CODE_CHARACTERS.length)];
        }
        return new String(code);
    }
}
