package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.relay.settlement.ReversalMessage;
import com.cardcoupons.relay.settlement.ReversalRefused;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A follow-up's moves, without Spring: armed until its payment decides, then fired, cancelled or turned into a
 * confirmation, and only a pending one retried or finished; what a save expects to find stored; and which message each
 * attempt of a reversal sends.
 */
class FollowUpTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Instant DEADLINE = NOW.plusSeconds(30);
    private static final MessageTrace TRACE = MessageTrace.of("00000001", "000000000000001", 7, NOW);
    private static final UUID PAYMENT = UUID.randomUUID();

    private final FollowUp reversal = FollowUp.reversal(PAYMENT, UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000),
            DEADLINE, TRACE, "000008");

    @Test
    void aReversalIsArmedUntilItsPaymentsDeadlineAndNeverStoredUntilItIs() {
        assertThat(reversal.state()).isEqualTo(FollowUpState.ARMED);
        assertThat(reversal.nextAttemptAt()).isEqualTo(DEADLINE);
        assertThat(reversal.recordedState()).as("new: a save of it would have nothing to expect").isNull();

        reversal.recorded();
        reversal.fire(NOW, false);

        assertThat(reversal.state()).isEqualTo(FollowUpState.PENDING);
        assertThat(reversal.recordedState()).as("a save expects it still armed").isEqualTo(FollowUpState.ARMED);
        reversal.recorded();
        assertThat(reversal.recordedState()).isEqualTo(FollowUpState.PENDING);
    }

    @Test
    void anArmedReversalFiresDueNowOnlineOrByAdviceOrIsCancelledAndEitherOnlyOnce() {
        reversal.fire(NOW, false);
        assertThat(reversal.nextAttemptAt()).isEqualTo(NOW);
        assertThat(reversal.advice()).as("an approval no longer wanted: 0400 first").isFalse();
        assertThatThrownBy(() -> reversal.fire(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reversal.cancel(NOW)).as("a fired reversal is not called back")
                .isInstanceOf(IllegalStateException.class);

        FollowUp unanswered = armedReversal();
        unanswered.fire(NOW);
        assertThat(unanswered.advice()).as("never answered, or its payment abandoned: by advice").isTrue();

        FollowUp standing = armedReversal();
        standing.cancel(NOW);
        assertThat(standing.state()).isEqualTo(FollowUpState.CANCELLED);
        assertThatThrownBy(() -> standing.fire(NOW)).as("a cancelled reversal never fires")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> standing.done(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void couponsArmedForReleaseAreConfirmedInsteadOrReleasedAndAreNeverCancelled() {
        FollowUp release = FollowUp.couponRelease(PAYMENT, UUID.randomUUID(), true, DEADLINE, NOW);
        assertThat(release.state()).isEqualTo(FollowUpState.ARMED);
        assertThatThrownBy(() -> release.cancel(NOW)).as("coupons held are confirmed or released")
                .isInstanceOf(IllegalStateException.class);

        release.confirmCoupons(NOW);
        assertThat(release.action()).isEqualTo(FollowUpAction.CONFIRM_COUPONS);
        assertThat(release.state()).isEqualTo(FollowUpState.PENDING);
        assertThatThrownBy(() -> release.confirmCoupons(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> release.fire(NOW)).as("decided once").isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> armedReversal().confirmCoupons(NOW)).as("a reversal is no coupon release")
                .isInstanceOf(IllegalStateException.class);
        assertThat(FollowUp.couponRelease(PAYMENT, UUID.randomUUID(), false, DEADLINE, NOW).state())
                .as("for a payment decided already").isEqualTo(FollowUpState.PENDING);
        assertThat(FollowUp.couponSettlement(PAYMENT, UUID.randomUUID(), true, NOW).action())
                .isEqualTo(FollowUpAction.CONFIRM_COUPONS);
        assertThat(FollowUp.couponSettlement(PAYMENT, UUID.randomUUID(), false, NOW).action())
                .isEqualTo(FollowUpAction.RELEASE_COUPONS);
    }

    @Test
    void onlyAPendingFollowUpIsRetriedOrFinishedAndAFinishedOneStaysFinished() {
        assertThatThrownBy(() -> reversal.done(NOW)).as("armed: not sent yet").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reversal.retryAt(NOW, "no answer")).isInstanceOf(IllegalStateException.class);

        reversal.fire(NOW);
        reversal.retryAt(NOW.plusSeconds(1), "x".repeat(600));
        assertThat(reversal.state()).isEqualTo(FollowUpState.PENDING);
        assertThat(reversal.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(reversal.lastError()).hasSize(500);

        reversal.failed("refused: 12", NOW);
        assertThat(reversal.state()).isEqualTo(FollowUpState.FAILED);
        assertThat(reversal.finishedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> reversal.done(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reversal.retryAt(NOW, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReversalGoesOnlineFirstThenByAdviceAndItsRepeats() {
        assertThat(attempt(false, 1)).isEqualTo(ReversalMessage.Type.REVERSAL);
        assertThat(attempt(false, 2)).isEqualTo(ReversalMessage.Type.ADVICE);
        assertThat(attempt(false, 3)).isEqualTo(ReversalMessage.Type.ADVICE_REPEAT);
        assertThat(attempt(true, 1)).isEqualTo(ReversalMessage.Type.ADVICE);
        assertThat(attempt(true, 2)).isEqualTo(ReversalMessage.Type.ADVICE_REPEAT);
    }

    @Test
    void aPartialReversalIsDueAtOnceOnlineAndKeepsItsReplacement() {
        FollowUp partial = FollowUp.partialReversal(PAYMENT, UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000),
                yen(900), TRACE, "000009", NOW);

        assertThat(partial.state()).isEqualTo(FollowUpState.PENDING);
        assertThat(partial.partial()).isTrue();
        assertThat(partial.replacement()).isEqualTo(yen(900));
        assertThat(partial.advice()).isFalse();
    }

    @Test
    void aReversalQueuedWithoutATraceIsRefusedRatherThanSent() {
        FollowUp untraced = FollowUp.restore(UUID.randomUUID(), PAYMENT, null, FollowUpAction.REVERSE_AUTHORIZATION,
                UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, null, Currency.getInstance("JPY"), 1_000L, null, null, null,
                null, null, null, null, true, FollowUpState.PENDING, 1, NOW, null, null);

        assertThat(untraced.recordedState()).as("read: stored as it stands").isEqualTo(FollowUpState.PENDING);
        assertThatThrownBy(untraced::reversalMessage).isInstanceOf(ReversalRefused.class);
        assertThatThrownBy(untraced::terminal).as("read without its payment's origin").isInstanceOf(IllegalStateException.class);
    }

    private static ReversalMessage.Type attempt(boolean advice, int attempts) {
        return FollowUp.restore(UUID.randomUUID(), PAYMENT, null, FollowUpAction.REVERSE_AUTHORIZATION, UUID.randomUUID(),
                AuthorizationLeg.FULL_AMOUNT, null, Currency.getInstance("JPY"), 1_000L, TRACE.terminal(), TRACE.merchant(),
                TRACE.stan(), TRACE.transmittedAt(), TRACE.retrievalReference(), "000008", null, advice,
                FollowUpState.PENDING, attempts, NOW, null, null).reversalMessage().type();
    }

    private static FollowUp armedReversal() {
        return FollowUp.reversal(PAYMENT, UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000), DEADLINE, TRACE, "000008");
    }

    private static Money yen(long amount) {
        return Money.of(amount, "JPY");
    }
}
