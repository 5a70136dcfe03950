package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.settlement.SettlementCenterLink;
import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults of an ISO 8583 link, each made by the real simulator's host over a real TCP connection, and what the
 * money does through them. Every test ends with its figures: double charges (what the card holds beyond what the
 * terminal was told) and lost reversals (authorizations that hold funds at the settlement center but were not the one
 * the terminal was told of), both 0; and no log line, the relay's or the host's, holds the card number or its expiry.
 * The jPOS channels log every message at DEBUG here, so that the last claim is tested on the messages themselves:
 * both sides log fields 2 and 14, wiped.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.iso8583=DEBUG")
class SettlementCenterFaultsTest extends CouponServerTestBase {

    /** A card field as jPOS dumps it (quotes escaped or not, as the log format has it) with anything but its wiping. */
    private static final Pattern CARD_FIELD = Pattern.compile("field id=\\\\?\"(2|14)\\\\?\" value=\\\\?\"(?!\\[WIPED])");
    private static final Pattern WIPED_EXPIRY = Pattern.compile("field id=\\\\?\"14\\\\?\" value=\\\\?\"\\[WIPED]");

    @Autowired
    private SettlementCenterLink link;

    @Test
    void anAuthorizationNeverAnsweredTimesOutAndIsReversedByAnAdvice(CapturedOutput logs) {
        String card = TestCards.fresh();
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 2_101, "effect", "NO_ANSWER", "times", 1));

        JsonNode outcome = pay("T-FAULT-NO-ANSWER", card, 2_101).json();

        assertThat(outcome.path("result").asString()).isEqualTo("TIMED_OUT");
        assertThat(minor(outcome.path("chargedAmount"))).isZero();
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(reversalsSent(journal)).containsExactly("0420, attempt 1");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).as("processed, so reversed")
                .isEqualTo("REVERSED");
        assertFigures(card, outcome, logs);
    }

    @Test
    void aConnectionCutMidTransactionIsMadeAgainAndTheUnansweredAuthorizationReversed(CapturedOutput logs) {
        String card = TestCards.fresh();
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 2_102, "effect", "DROP_CONNECTION", "times", 1));

        JsonNode cut = pay("T-FAULT-DROPPED", card, 2_102).json();

        assertThat(cut.path("result").asString()).isEqualTo("TIMED_OUT");
        JsonNode journal = awaitBalanced(cut.path("paymentId").asString());
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        awaitSignedOn();
        JsonNode next = pay("T-FAULT-DROPPED-NEXT", card, 2_002).json();
        assertThat(next.path("result").asString()).as("on the new connection").isEqualTo("APPROVED");
        awaitBalanced(next.path("paymentId").asString());
        assertFigures(card, List.of(cut, next), logs);
    }

    @Test
    void anApprovalArrivingAfterTheTimeoutIsReversed(CapturedOutput logs) {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(2_103, 1_600);

        JsonNode outcome = pay("T-FAULT-LATE", card, 2_103).json();

        assertThat(outcome.path("result").asString()).isEqualTo("TIMED_OUT");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        awaitLog(logs, "arrived after its request stopped waiting");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        assertFigures(card, outcome, logs);
    }

    @Test
    void aDuplicatedAnswerChargesOnce(CapturedOutput logs) {
        String card = TestCards.fresh();
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 2_104, "effect", "DUPLICATE_ANSWER", "times", 1));

        JsonNode outcome = pay("T-FAULT-DUPLICATE", card, 2_104).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        awaitLog(logs, "arrived after its request stopped waiting, or twice");
        assertThat(journal.path("authorizations")).hasSize(1);
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(2_104);
        assertFigures(card, outcome, logs);
    }

    @Test
    void anUnreadableMessageIsLoggedWithoutCardDataAndTheConnectionIsMadeAgain(CapturedOutput logs) {
        String card = TestCards.fresh();
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 2_105, "effect", "MALFORMED_ANSWER", "times", 1));

        JsonNode garbled = pay("T-FAULT-MALFORMED", card, 2_105).json();

        assertThat(garbled.path("result").asString()).isEqualTo("TIMED_OUT");
        assertThat(logs.getOut()).contains("not readable ISO 8583");
        awaitBalanced(garbled.path("paymentId").asString());
        awaitSignedOn();
        JsonNode next = pay("T-FAULT-MALFORMED-NEXT", card, 2_005).json();
        assertThat(next.path("result").asString()).as("the relay carries on").isEqualTo("APPROVED");
        awaitBalanced(next.path("paymentId").asString());
        assertFigures(card, List.of(garbled, next), logs);
    }

    @Test
    void responseCodesTellDeclinedReferredAndSystemErrorApartAndAnUnknownOneIsReversed(CapturedOutput logs) {
        String card = TestCards.fresh();
        List<JsonNode> outcomes = new ArrayList<>();
        for (Map.Entry<String, String> code : Map.of("05", "DECLINED", "01", "REFERRED", "96", "SYSTEM_ERROR", "Q7", "TIMED_OUT")
                .entrySet()) {
            settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 2_106, "responseCode", code.getKey(), "times", 1));
            JsonNode outcome = pay("T-FAULT-CODE-" + code.getKey(), card, 2_106).json();
            assertThat(outcome.path("result").asString()).as(code.getKey()).isEqualTo(code.getValue());
            assertThat(minor(outcome.path("chargedAmount"))).isZero();
            if (!code.getValue().equals("TIMED_OUT")) {
                assertThat(outcome.path("decline").path("responseCode").asString()).isEqualTo(code.getKey());
            }
            JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
            assertThat(steps(journal).contains("REVERSAL_QUEUED")).as("reversed only when the code is not trusted")
                    .isEqualTo(code.getValue().equals("TIMED_OUT"));
            outcomes.add(outcome);
        }
        assertFigures(card, outcomes, logs);
    }

    @Test
    void anOnlineReversalLeftUnansweredGoesOnAsAnAdviceAndItsRepeats(CapturedOutput logs) {
        String card = TestCards.fresh();
        coupons.discount(card, "10% off", 1_000);
        settlementCenter.inject(Map.of("operation", "REVERSE", "effect", "IGNORE", "times", 2));

        JsonNode outcome = pay("T-FAULT-ADVICE", card, 3_000).json();

        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(reversalsSent(journal)).containsExactly("0400, attempt 1", "0420, attempt 2", "0421, attempt 3");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        assertFigures(card, outcome, logs);
    }

    private static List<String> reversalsSent(JsonNode journal) {
        List<String> sent = new ArrayList<>();
        journal.path("entries").forEach(entry -> {
            if (entry.path("step").asString().equals("REVERSAL_SENT")) {
                sent.add(entry.path("detail").asString());
            }
        });
        return sent;
    }

    private void assertFigures(String card, JsonNode outcome, CapturedOutput logs) {
        assertFigures(card, List.of(outcome), logs);
    }

    /** Double charges and lost reversals, both 0, said out loud; and the card number in no log line. */
    private void assertFigures(String card, List<JsonNode> outcomes, CapturedOutput logs) {
        long told = outcomes.stream().mapToLong(outcome -> minor(outcome.path("chargedAmount"))).sum();
        List<String> standing = outcomes.stream().map(outcome -> outcome.path("authorizationCode").asString(""))
                .filter(code -> !code.isEmpty()).toList();
        long doubleCharges = Math.max(0, settlementCenter.held(card, "JPY") - told);
        long lostReversals = settlementCenter.authorizationsOf(card).valueStream()
                .filter(authorization -> authorization.path("state").asString().equals("APPROVED"))
                .filter(authorization -> !standing.contains(authorization.path("approvalCode").asString()))
                .count();
        System.out.printf("figures: double charges %d (JPY held beyond what the terminal was told), lost reversals %d%n",
                doubleCharges, lostReversals);
        assertThat(doubleCharges).as("double charges").isZero();
        assertThat(lostReversals).as("lost reversals").isZero();
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(told);
        String all = logs.getAll();
        assertThat(all).as("the card number in a log line").doesNotContain(card);
        assertThat(all).as("the expiry as the request carries it").doesNotContain(EXPIRY);
        assertThat(CARD_FIELD.matcher(all).results().map(MatchResult::group)).as("field 2 or 14 logged unwiped").isEmpty();
        for (String logger : List.of("iso8583.settlement-center", "iso8583.host")) {
            assertThat(all.lines().filter(line -> line.contains(logger)).anyMatch(line -> WIPED_EXPIRY.matcher(line).find()))
                    .as("%s logged the messages, fields 2 and 14 wiped", logger).isTrue();
        }
    }

    private void awaitSignedOn() {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!link.signedOn() && Instant.now().isBefore(giveUp)) {
            sleep(50);
        }
        assertThat(link.signedOn()).as("signed on again").isTrue();
    }

    private static void awaitLog(CapturedOutput logs, String text) {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!logs.getAll().contains(text) && Instant.now().isBefore(giveUp)) {
            sleep(50);
        }
        assertThat(logs.getAll()).contains(text);
    }
}
