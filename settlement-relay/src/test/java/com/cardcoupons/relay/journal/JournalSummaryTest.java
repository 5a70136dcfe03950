package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JournalSummaryTest {

    private static final UUID PAYMENT = UUID.randomUUID();
    private static final UUID FULL = UUID.randomUUID();
    private static final UUID DISCOUNTED = UUID.randomUUID();
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Instant AT = Instant.parse("2026-05-01T03:00:00Z");

    @Test
    void aDiscountedPaymentIsBalancedOnceTheFullAmountIsReversed() {
        List<JournalEntry> beforeReversal = List.of(
                sent(FULL, AuthorizationLeg.FULL_AMOUNT, 1_000), answer(FULL, JournalStep.AUTHORIZATION_APPROVED, 1_000),
                sent(DISCOUNTED, AuthorizationLeg.DISCOUNTED, 900), answer(DISCOUNTED, JournalStep.AUTHORIZATION_APPROVED, 900),
                reversal(FULL, JournalStep.REVERSAL_QUEUED), reversal(FULL, JournalStep.REVERSAL_SENT));

        JournalSummary pending = JournalSummary.of(beforeReversal, JPY, yen(900), 1);
        assertThat(pending.outstanding()).isEqualTo(yen(1_900));
        assertThat(pending.balanced()).isFalse();
        assertThat(pending.authorizations().get(0).reversal()).isEqualTo(JournalSummary.Reversal.PENDING);

        List<JournalEntry> reversed = new java.util.ArrayList<>(beforeReversal);
        reversed.add(reversal(FULL, JournalStep.REVERSAL_ACKNOWLEDGED));
        JournalSummary done = JournalSummary.of(reversed, JPY, yen(900), 0);
        assertThat(done.outstanding()).isEqualTo(yen(900));
        assertThat(done.balanced()).isTrue();
    }

    @Test
    void anUnansweredOrUnrecordedAuthorizationCountsAsHoldingFundsUntilReversed() {
        JournalSummary unanswered = JournalSummary.of(List.of(sent(FULL, AuthorizationLeg.FULL_AMOUNT, 1_000),
                answer(FULL, JournalStep.AUTHORIZATION_UNANSWERED, 1_000)), JPY, yen(0), 1);
        assertThat(unanswered.outstanding()).isEqualTo(yen(1_000));
        assertThat(unanswered.authorizations().get(0).answer()).isEqualTo(JournalSummary.Answer.UNANSWERED);

        JournalSummary sentOnly = JournalSummary.of(List.of(sent(FULL, AuthorizationLeg.FULL_AMOUNT, 1_000)), JPY, null, 1);
        assertThat(sentOnly.outstanding()).isEqualTo(yen(1_000));
        assertThat(sentOnly.balanced()).as("not answered yet").isFalse();
    }

    @Test
    void aDeclineHoldsNothing() {
        JournalSummary declined = JournalSummary.of(List.of(sent(FULL, AuthorizationLeg.FULL_AMOUNT, 1_000),
                JournalEntry.authorization(PAYMENT, AT, JournalStep.AUTHORIZATION_DECLINED, FULL, AuthorizationLeg.FULL_AMOUNT,
                        yen(1_000), TRACE, null, "51", null)), JPY, yen(0), 0);

        assertThat(declined.outstanding()).isEqualTo(yen(0));
        assertThat(declined.authorizations().get(0).responseCode()).isEqualTo("51");
        assertThat(declined.balanced()).isTrue();
    }

    private static JournalEntry sent(UUID id, AuthorizationLeg leg, long amount) {
        return JournalEntry.authorization(PAYMENT, AT, JournalStep.AUTHORIZATION_SENT, id, leg, yen(amount), TRACE, null, null, null);
    }

    private static JournalEntry answer(UUID id, JournalStep step, long amount) {
        return JournalEntry.authorization(PAYMENT, AT, step, id, AuthorizationLeg.FULL_AMOUNT, yen(amount), TRACE,
                step == JournalStep.AUTHORIZATION_APPROVED ? "CODE01" : null, null, null);
    }

    private static JournalEntry reversal(UUID id, JournalStep step) {
        return JournalEntry.reversal(PAYMENT, AT, step, id, AuthorizationLeg.FULL_AMOUNT, yen(1_000), "000002", TRACE.retrievalReference(), null);
    }

    private static final MessageTrace TRACE = MessageTrace.of("00000001", "000000000000001", 1, Instant.parse("2026-12-07T03:00:00Z"));

    private static Money yen(long amount) {
        return Money.of(amount, "JPY");
    }
}
