package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.InvalidMessage;
import com.cardcoupons.settlementcenter.card.CardAccounts;
import com.cardcoupons.settlementcenter.card.CardFingerprints;
import com.cardcoupons.settlementcenter.card.CardsProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerTest {

    private static final String VISA = "4111111111111111";
    private static final String BLOCKED = "4000000000000002";
    private static final YearMonth VALID_UNTIL = YearMonth.of(2030, 12);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);

    private final CardFingerprints fingerprints = new CardFingerprints();
    private final CardAccounts accounts = new CardAccounts(
            new CardsProperties(10_000, List.of(BLOCKED), List.of()), fingerprints);
    private final Issuer issuer = new Issuer(fingerprints, accounts, NOW, new RetentionProperties(1_000));

    @Test
    void approvesWithinTheLimitAndHoldsTheFunds() {
        AuthorizationAnswer answer = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 4_000));

        assertThat(answer.result()).isEqualTo(AuthorizationAnswer.Result.APPROVED);
        assertThat(answer.responseCode()).isEqualTo("00");
        assertThat(answer.authorizationCode()).matches("[A-Z0-9]{6}");
        assertThat(held(VISA)).isEqualTo(4_000);
    }

    @Test
    void declinesWhatWouldExceedTheLimitGivenWhatIsAlreadyHeld() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 7_000));
        AuthorizationAnswer second = issuer.authorize(request("a-2", VISA, VALID_UNTIL, 3_001));

        assertThat(second.result()).isEqualTo(AuthorizationAnswer.Result.DECLINED);
        assertThat(second.reason()).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(second.responseCode()).isEqualTo("51");
        assertThat(held(VISA)).isEqualTo(7_000);
    }

    @Test
    void declinesExpiredBlockedAndMalformedCards() {
        assertThat(issuer.authorize(request("e", VISA, YearMonth.of(2026, 2), 100)).reason()).isEqualTo(ResponseCode.EXPIRED_CARD);
        assertThat(issuer.authorize(request("b", BLOCKED, VALID_UNTIL, 100)).reason()).isEqualTo(ResponseCode.RESTRICTED_CARD);
        assertThat(issuer.authorize(request("m", "4111111111111112", VALID_UNTIL, 100)).reason()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(issuer.authorize(request("this-month", VISA, YearMonth.of(2026, 3), 100)).result())
                .as("a card is valid through the last day of its expiry month").isEqualTo(AuthorizationAnswer.Result.APPROVED);
    }

    @Test
    void aRepeatedAuthorizationIsAnsweredAsTheFirstAndHoldsNothingMore() {
        AuthorizationAnswer first = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));
        AuthorizationAnswer repeat = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(repeat).isEqualTo(first);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void anIdReusedForAnotherMessageIsDeclinedWithoutTouchingTheFirst() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));
        AuthorizationAnswer other = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_500));

        assertThat(other.reason()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(issuer.find("a-1").orElseThrow().state()).isEqualTo(Authorization.State.APPROVED);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void aReversalReleasesTheFundsOnceAndIsHarmlessWhenRepeated() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(reversal("a-1", 2_000)).result()).isEqualTo(ReversalAnswer.Result.REVERSED);
        assertThat(issuer.reverse(reversal("a-1", 2_000)).result()).isEqualTo(ReversalAnswer.Result.ALREADY_REVERSED);
        assertThat(held(VISA)).isZero();
        assertThat(issuer.find("a-1").orElseThrow().state()).isEqualTo(Authorization.State.REVERSED);
    }

    @Test
    void aReversalOfADeclineHasNothingToReverse() {
        issuer.authorize(request("a-1", BLOCKED, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(reversal("a-1", 2_000)).result()).isEqualTo(ReversalAnswer.Result.NOTHING_TO_REVERSE);
    }

    @Test
    void aReversalMustCarryTheAuthorizationsAmount() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThatThrownBy(() -> issuer.reverse(reversal("a-1", 1_000))).isInstanceOf(InvalidMessage.class);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void anAuthorizationArrivingAfterItsReversalIsDeclined() {
        assertThat(issuer.reverse(reversal("late", 2_000)).result()).isEqualTo(ReversalAnswer.Result.NOTHING_TO_REVERSE);

        AuthorizationAnswer late = issuer.authorize(request("late", VISA, VALID_UNTIL, 2_000));

        assertThat(late.result()).isEqualTo(AuthorizationAnswer.Result.DECLINED);
        assertThat(late.reason()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(held(VISA)).isZero();
    }

    @Test
    void forgottenAuthorizationsExpireAndReleaseTheirFunds() {
        Issuer forgetful = new Issuer(fingerprints, accounts, NOW, new RetentionProperties(2));
        forgetful.authorize(request("old", VISA, VALID_UNTIL, 1_000));
        forgetful.authorize(request("mid", VISA, VALID_UNTIL, 1_000));
        forgetful.authorize(request("new", VISA, VALID_UNTIL, 1_000));

        assertThat(forgetful.find("old")).isEmpty();
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void racingAuthorizationsCannotTogetherExceedTheLimit() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<AuthorizationAnswer>> calls = IntStream.range(0, racers).<Callable<AuthorizationAnswer>>mapToObj(i -> () -> {
            start.await();
            return issuer.authorize(request("race-" + i, VISA, VALID_UNTIL, 3_000));
        }).toList();
        List<Future<AuthorizationAnswer>> futures = calls.stream().map(pool::submit).toList();
        start.countDown();
        long approved = 0;
        for (Future<AuthorizationAnswer> future : futures) {
            approved += future.get().result() == AuthorizationAnswer.Result.APPROVED ? 1 : 0;
        }
        pool.shutdown();

        assertThat(approved).isEqualTo(3);
        assertThat(held(VISA)).isEqualTo(9_000);
    }

    private long held(String number) {
        return accounts.view(fingerprints.of(number).orElseThrow()).heldMinor().getOrDefault("JPY", 0L);
    }

    static AuthorizationRequest request(String id, String number, YearMonth expiry, long amountMinor) {
        return new AuthorizationRequest(id, new AuthorizationRequest.Acceptor("merchant-1", "till-1"),
                new AuthorizationRequest.Card(number, expiry), new Amount(amountMinor, "JPY"));
    }

    private static ReversalRequest reversal(String id, long amountMinor) {
        return new ReversalRequest(id, new Amount(amountMinor, "JPY"));
    }
}
