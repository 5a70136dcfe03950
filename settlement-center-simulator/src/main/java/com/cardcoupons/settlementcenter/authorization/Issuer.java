package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.InvalidMessage;
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
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulated card issuers behind the settlement center: decides each authorization once (valid card, not
 * expired, not blocked, within the limit), holds its funds, and releases them on reversal. Each authorization id is
 * decided and reversed under the map's lock for that id, so a duplicate and a reversal racing it stay consistent.
 */
@Component
class Issuer {

    private static final Logger log = LoggerFactory.getLogger(Issuer.class);
    private static final char[] CODE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();

    private final ConcurrentHashMap<String, Authorization> authorizations = new ConcurrentHashMap<>();
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

    AuthorizationAnswer authorize(AuthorizationRequest request) {
        Optional<CardFingerprint> card = fingerprints.of(request.card().number());
        boolean[] fresh = {false};
        Authorization recorded = authorizations.compute(request.authorizationId(), (id, existing) -> {
            if (existing != null) {
                return existing;
            }
            fresh[0] = true;
            return decide(id, card.orElse(null), request.card().expiry(), request.amount());
        });
        if (fresh[0]) {
            arrivalOrder.add(recorded.id());
            log.info("authorization {} {} {} card {} amount {}", recorded.id(), recorded.state(),
                    recorded.responseCode().iso(), recorded.card(), recorded.amount());
            forgetOldest();
            return AuthorizationAnswer.of(recorded);
        }
        if (!recorded.sameMessage(card.orElse(null), request.amount())) {
            log.info("authorization {} refused: the id was used before for another message or reversed first", recorded.id());
            return AuthorizationAnswer.refusedDuplicate(recorded.id());
        }
        return AuthorizationAnswer.of(recorded);
    }

    ReversalAnswer reverse(ReversalRequest request) {
        ReversalAnswer.Result[] result = {ReversalAnswer.Result.NOTHING_TO_REVERSE};
        Authorization recorded = authorizations.compute(request.authorizationId(), (id, existing) -> {
            if (existing == null) {
                return Authorization.reversedBeforeArrival(id, request.amount(), clock.instant());
            }
            if (!existing.amount().equals(request.amount())) {
                throw new InvalidMessage("AMOUNT_MISMATCH", "a reversal must carry the full amount of its authorization");
            }
            result[0] = existing.reverse();
            if (result[0] == ReversalAnswer.Result.REVERSED) {
                accounts.account(existing.card()).release(existing.amount());
            }
            return existing;
        });
        log.info("reversal of {} {}", recorded.id(), result[0]);
        return new ReversalAnswer(recorded.id(), result[0]);
    }

    Optional<Authorization> find(String authorizationId) {
        return Optional.ofNullable(authorizations.get(authorizationId));
    }

    private Authorization decide(String id, CardFingerprint card, YearMonth expiry, Amount amount) {
        Instant now = clock.instant();
        if (card == null) {
            return Authorization.declined(id, null, amount, ResponseCode.INVALID_CARD_NUMBER, now);
        }
        if (expiry.isBefore(YearMonth.from(now.atOffset(ZoneOffset.UTC)))) {
            return Authorization.declined(id, card, amount, ResponseCode.EXPIRED_CARD, now);
        }
        CardAccount account = accounts.account(card);
        if (account.isBlocked()) {
            return Authorization.declined(id, card, amount, ResponseCode.RESTRICTED_CARD, now);
        }
        if (!account.hold(amount)) {
            return Authorization.declined(id, card, amount, ResponseCode.INSUFFICIENT_FUNDS, now);
        }
        return Authorization.approved(id, card, amount, authorizationCode(), now);
    }

    /** Beyond the retention, the oldest authorizations expire as they would at a real issuer, releasing their funds. */
    private void forgetOldest() {
        while (authorizations.size() > maxAuthorizations) {
            String oldest = arrivalOrder.poll();
            if (oldest == null) {
                return;
            }
            authorizations.computeIfPresent(oldest, (id, expired) -> {
                if (expired.holdsFunds()) {
                    accounts.account(expired.card()).release(expired.amount());
                }
                return null;
            });
        }
    }

    private String authorizationCode() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_CHARACTERS[random.nextInt(CODE_CHARACTERS.length)];
        }
        return new String(code);
    }
}
