package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
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
        Issuer.Answer answer = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 4_000));

        assertThat(answer.responseCode()).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.approvalCode()).matches("[A-Z0-9]{6}");
        assertThat(held(VISA)).isEqualTo(4_000);
    }

    @Test
    void declinesWhatWouldExceedTheLimitGivenWhatIsAlreadyHeld() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 7_000));
        Issuer.Answer second = issuer.authorize(request("a-2", VISA, VALID_UNTIL, 3_001));

        assertThat(second.responseCode()).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(second.responseCode().iso()).isEqualTo("51");
        assertThat(second.approvalCode()).isNull();
        assertThat(held(VISA)).isEqualTo(7_000);
    }

    @Test
    void declinesExpiredBlockedAndMalformedCards() {
        assertThat(issuer.authorize(request("e", VISA, YearMonth.of(2026, 2), 100)).responseCode()).isEqualTo(ResponseCode.EXPIRED_CARD);
        assertThat(issuer.authorize(request("b", BLOCKED, VALID_UNTIL, 100)).responseCode()).isEqualTo(ResponseCode.RESTRICTED_CARD);
        assertThat(issuer.authorize(request("m", "4111111111111112", VALID_UNTIL, 100)).responseCode()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(issuer.authorize(request("this-month", VISA, YearMonth.of(2026, 3), 100)).responseCode())
                .as("a card is valid through the last day of its expiry month").isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aRepeatedAuthorizationIsAnsweredAsTheFirstAndHoldsNothingMore() {
        Issuer.Answer first = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));
        Issuer.Answer repeat = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(repeat).isEqualTo(first);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void anIdReusedForAnotherMessageIsDeclinedWithoutTouchingTheFirst() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));
        Issuer.Answer other = issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_500));

        assertThat(other.responseCode()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(issuer.find("a-1").orElseThrow().state()).isEqualTo(Authorization.State.APPROVED);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void aReversalReleasesTheFundsOnceAndIsHarmlessWhenRepeated() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(reversal("a-1", 2_000))).isEqualTo(ReversalResult.REVERSED);
        assertThat(issuer.reverse(reversal("a-1", 2_000))).isEqualTo(ReversalResult.ALREADY_REVERSED);
        assertThat(held(VISA)).isZero();
        assertThat(issuer.find("a-1").orElseThrow().state()).isEqualTo(Authorization.State.REVERSED);
    }

    @Test
    void aPartialReversalLowersWhatIsHeldToTheReplacementAmountOnce() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(partialReversal("a-1", 2_000, 1_800))).isEqualTo(ReversalResult.PARTIALLY_REVERSED);
        assertThat(held(VISA)).isEqualTo(1_800);
        assertThat(issuer.reverse(partialReversal("a-1", 2_000, 1_800))).as("repeated").isEqualTo(ReversalResult.ALREADY_REVERSED);
        assertThat(issuer.reverse(partialReversal("a-1", 2_000, 1_900))).as("raising it again").isEqualTo(ReversalResult.REFUSED);
        assertThat(issuer.reverse(partialReversal("a-1", 2_000, 2_000))).isEqualTo(ReversalResult.REFUSED);
        assertThat(held(VISA)).isEqualTo(1_800);

        assertThat(issuer.reverse(reversal("a-1", 2_000))).as("then in full").isEqualTo(ReversalResult.REVERSED);
        assertThat(held(VISA)).isZero();
    }

    @Test
    void aReversalOfADeclineHasNothingToReverse() {
        issuer.authorize(request("a-1", BLOCKED, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(reversal("a-1", 2_000))).isEqualTo(ReversalResult.NOTHING_TO_REVERSE);
    }

    @Test
    void aReversalMustCarryTheAuthorizationsAmount() {
        issuer.authorize(request("a-1", VISA, VALID_UNTIL, 2_000));

        assertThat(issuer.reverse(reversal("a-1", 1_000))).isEqualTo(ReversalResult.REFUSED);
        assertThat(held(VISA)).isEqualTo(2_000);
    }

    @Test
    void anAuthorizationArrivingAfterItsReversalIsDeclined() {
        assertThat(issuer.reverse(reversal("late", 2_000))).isEqualTo(ReversalResult.NOTHING_TO_REVERSE);

        Issuer.Answer late = issuer.authorize(request("late", VISA, VALID_UNTIL, 2_000));

        assertThat(late.responseCode()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
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
        List<Callable<Issuer.Answer>> calls = IntStream.range(0, racers).<Callable<Issuer.Answer>>mapToObj(i -> () -> {
            start.await();
            return issuer.authorize(request("race-" + i, VISA, VALID_UNTIL, 3_000));
        }).toList();
        List<Future<Issuer.Answer>> futures = calls.stream().map(pool::submit).toList();
        start.countDown();
        long approved = 0;
        for (Future<Issuer.Answer> future : futures) {
            approved += future.get().responseCode() == ResponseCode.APPROVED ? 1 : 0;
        }
        pool.shutdown();

        assertThat(approved).isEqualTo(3);
        assertThat(held(VISA)).isEqualTo(9_000);
    }

    private long held(String number) {
        return accounts.view(fingerprints.of(number).orElseThrow()).heldMinor().getOrDefault("392", 0L);
    }

    static AuthorizationRequest request(String id, String number, YearMonth expiry, long amountMinor) {
        return new AuthorizationRequest(id, "TILL0001", "000001", "000000000001", number, expiry, new Amount(amountMinor, "392"));
    }

    private static ReversalRequest reversal(String id, long amountMinor) {
        return new ReversalRequest(id, new Amount(amountMinor, "392"), null);
    }

    private static ReversalRequest partialReversal(String id, long amountMinor, long replacementMinor) {
        return new ReversalRequest(id, new Amount(amountMinor, "392"), replacementMinor);
    }
}
