package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Campaign;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.line;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
@ExtendWith(OutputCaptureExtension.class)
class UseApprovalTest {

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    TillWorld world;
    UUID mart;
    UUID shibuya;
    Terminal till;
    String cardNumber;
    Map<String, Object> presented;
    UsageMediumId card;

    @BeforeEach
    void aMerchantATillAndACard() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        shibuya = world.store(mart, "SHIBUYA", "5411");
        till = world.terminal(mart, shibuya);
        cardNumber = TillWorld.newVisa();
        card = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber));
        presented = card("CREDIT", cardNumber);
    }

    @Nested
    class TwoPhaseUse {

        @Test
        void reserveThenConfirmUsesTheCouponAndTiesItToTheTransaction() {
            String code = world.coupon(world.campaign(mart).fixed(300).create(), card);

            Reply reserved = till.api().post("/api/v1/reservations", useOf("TX-1", List.of(code), presented, till.use(2000)), "k-reserve");
            assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
            JsonNode reservation = reserved.json();
            String id = reservation.path("reservationId").asString();
            assertThat(reserved.header("Location")).isEqualTo("/api/v1/reservations/" + id);
            assertThat(reservation.path("state").asString()).isEqualTo("RESERVED");
            assertThat(reservation.path("transactionId").asString()).isEqualTo("TX-1");
            assertThat(reservation.path("holdUntil").asString()).isNotEmpty();
            assertThat(reservation.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(300);
            assertThat(reservation.path("payable").path("amountMinor").asLong()).isEqualTo(1700);
            assertThat(reservation.path("coupons").get(0).path("code").asString()).isEqualTo(code);
            assertThat(usesHeld(code)).as("held while reserved").isEqualTo(1);
            assertThat(search(2000).path("usable")).as("a held coupon is not offered again").isEmpty();

            Reply confirmed = till.api().post("/api/v1/reservations/" + id + "/confirm", null, "k-confirm");
            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.json().path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(confirmed.json().has("holdUntil")).isFalse();
            assertThat(confirmed.json().path("coupons").get(0).path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(usesHeld(code)).isEqualTo(1);

            JsonNode byTransaction = till.api().get("/api/v1/reservations?transactionId=TX-1").json();
            assertThat(byTransaction.path("reservationId").asString()).isEqualTo(id);
            assertThat(byTransaction.path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(events(id)).containsExactly("RESERVED", "CONFIRMED");
        }

        @Test
        void releaseFreesTheCouponForTheNextPurchase() {
            String code = world.coupon(world.campaign(mart).fixed(300).create(), card);
            String id = reserve("TX-2", code, "k-2").path("reservationId").asString();

            Reply released = till.api().post("/api/v1/reservations/" + id + "/release", null, "k-2-release");

            assertThat(released.json().path("state").asString()).isEqualTo("RELEASED");
            assertThat(usesHeld(code)).isZero();
            assertThat(search(2000).path("usable")).hasSize(1);
            assertThat(events(id)).containsExactly("RESERVED", "RELEASED");
            assertThat(till.api().post("/api/v1/reservations/" + id + "/confirm", null, "k-2-confirm").code())
                    .isEqualTo("RESERVATION_NOT_HELD");
            assertThat(reserve("TX-2", code, "k-2-again").path("state").asString())
                    .as("the transaction id is free again").isEqualTo("RESERVED");
        }

        @Test
        void aConfirmedUseIsUndoneByAReversalNotARelease() {
            String code = world.coupon(world.campaign(mart).fixed(300).create(), card);
            String id = reserve("TX-3", code, "k-3").path("reservationId").asString();
            till.api().post("/api/v1/reservations/" + id + "/confirm", null, "k-3-confirm");

            Reply release = till.api().post("/api/v1/reservations/" + id + "/release", null, "k-3-release");

            assertThat(release.status()).isEqualTo(409);
            assertThat(release.code()).isEqualTo("RESERVATION_CONFIRMED");
            assertThat(usesHeld(code)).isEqualTo(1);
        }

        @Test
        void aTransactionHoldsOneLiveUseOfCoupons(CapturedOutput output) {
            String first = world.coupon(world.campaign(mart).create(), card);
            String second = world.coupon(world.campaign(mart).create(), card);
            reserve("TX-4", first, "k-4");

            Reply again = till.api().post("/api/v1/reservations", useOf("TX-4", List.of(second), presented, till.use(2000)), "k-4b");

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("TRANSACTION_ALREADY_HAS_USE");
            assertThat(usesHeld(second)).as("nothing half-written").isZero();
            assertThat(output.getAll()).as("an answered refusal is not logged as a database error")
                    .doesNotContain("org.hibernate.orm.jdbc.error");
        }

        @Test
        void onlyTheReservingTerminalSettlesItsHold() {
            String code = world.coupon(world.campaign(mart).create(), card);
            String id = reserve("TX-5", code, "k-5").path("reservationId").asString();
            Terminal otherTill = world.terminal(mart, shibuya);
            UUID cafe = world.merchant("Harbor Cafe");
            Terminal otherMerchant = world.terminal(cafe, world.store(cafe, "YOKOHAMA", "5814"));

            assertThat(otherTill.api().post("/api/v1/reservations/" + id + "/confirm", null, "k-5x").code()).isEqualTo("OTHER_TERMINAL");
            assertThat(otherTill.api().get("/api/v1/reservations/" + id).status()).as("same merchant reads").isEqualTo(200);
            assertThat(otherMerchant.api().get("/api/v1/reservations/" + id).code()).isEqualTo("RESERVATION_NOT_FOUND");
            assertThat(otherTill.api().get("/api/v1/reservations?transactionId=TX-5").code())
                    .as("transaction ids are the terminal's own").isEqualTo("RESERVATION_NOT_FOUND");
        }
    }

    @Nested
    class UseAtOnce {

        @Test
        void byCardSeveralStackableCouponsInOnePurchase() {
            String fixed = world.coupon(world.campaign(mart).fixed(300).create(), card);
            String percent = world.coupon(world.campaign(mart).percentage(1000, null).create(), card);
            String coffee = world.coupon(world.campaign(mart).benefit("FREE_ITEM", "Coffee", 400).create(), card);

            Reply used = till.api().post("/api/v1/redemptions", useOf("TX-10", List.of(fixed, percent, coffee), presented,
                    till.use(2000)), "k-10");

            assertThat(used.status()).as(used.toString()).isEqualTo(201);
            assertThat(used.json().path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(used.json().path("totalDiscount").path("amountMinor").asLong()).isEqualTo(500);
            assertThat(used.json().path("payable").path("amountMinor").asLong()).isEqualTo(1500);
            assertThat(used.json().path("coupons")).hasSize(3);
            assertThat(List.of(fixed, percent, coffee)).allSatisfy(code -> assertThat(usesHeld(code)).isEqualTo(1));
            assertThat(redemptionStates(used.json().path("reservationId").asString())).containsOnly("CONFIRMED");
        }

        @Test
        void byTheCodeScannedFromThePrintedBarcodeWithTheSameChecks() {
            String code = world.coupon(world.campaign(mart).fixed(300).minSpend(1000).create(), card);

            Reply tooSmall = till.api().post("/api/v1/redemptions", useOf("TX-11", List.of(code), null, till.use(500)), "k-11a");
            assertThat(tooSmall.status()).isEqualTo(422);
            assertThat(tooSmall.code()).isEqualTo("COUPON_NOT_USABLE");
            assertThat(tooSmall.json().path("detail").asString()).contains("minimum spend 1000 JPY not met");
            assertThat(tooSmall.json().path("field").asString()).isEqualTo("couponCodes[0]");

            String asPrinted = code.substring(0, 4) + " " + code.substring(4, 8).toLowerCase() + "-" + code.substring(8);
            Reply used = till.api().post("/api/v1/redemptions", useOf("TX-11", List.of(asPrinted), null, till.use(1500)), "k-11b");
            assertThat(used.status()).as(used.toString()).isEqualTo(201);
            assertThat(used.json().path("coupons").get(0).path("code").asString()).isEqualTo(code);
        }

        @Test
        void anExclusiveCouponIsNotCombined() {
            String exclusive = world.coupon(world.campaign(mart).exclusive().create(), card);
            String other = world.coupon(world.campaign(mart).create(), card);

            Reply reply = till.api().post("/api/v1/redemptions", useOf("TX-12", List.of(other, exclusive), presented,
                    till.use(2000)), "k-12");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("COUPON_NOT_STACKABLE");
            assertThat(usesHeld(other)).isZero();
        }

        @Test
        void twoCouponsOfOneCampaignAreNotCombined() {
            Campaign campaign = world.campaign(mart).create();
            String one = world.coupon(campaign, card);
            String two = world.coupon(campaign, card);

            Reply reply = till.api().post("/api/v1/redemptions", useOf("TX-13", List.of(one, two), presented, till.use(2000)), "k-13");

            assertThat(reply.code()).isEqualTo("SAME_CAMPAIGN_TWICE");
        }

        @Test
        void aCouponOnAnotherCardOrOfAnotherMerchantIsNotFound() {
            String someoneElses = world.coupon(world.campaign(mart).create(),
                    UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa())));
            String otherMerchants = world.coupon(world.campaign(world.merchant("Harbor Cafe")).create(), card);

            Reply wrongCard = till.api().post("/api/v1/redemptions", useOf("TX-14", List.of(someoneElses), presented, till.use(2000)), "k-14");
            Reply wrongMerchant = till.api().post("/api/v1/redemptions", useOf("TX-15", List.of(otherMerchants), null, till.use(2000)), "k-15");
            Reply unknown = till.api().post("/api/v1/redemptions", useOf("TX-16", List.of(TillWorld.newCode()), null, till.use(2000)), "k-16");

            assertThat(List.of(wrongCard, wrongMerchant, unknown)).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.code()).isEqualTo("COUPON_NOT_FOUND");
            });
        }

        @Test
        void aUsedUpCouponIsAConflict() {
            String code = world.coupon(world.campaign(mart).create(), card);
            redeem("TX-17", code, "k-17");

            Reply again = till.api().post("/api/v1/redemptions", useOf("TX-18", List.of(code), presented, till.use(2000)), "k-18");

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("COUPON_USED_UP");
        }

        @Test
        void aMultiUseCouponIsUsedUpToItsAllowance() {
            String code = world.coupon(world.campaign(mart).uses(2).create(), card);
            redeem("TX-19", code, "k-19");
            redeem("TX-20", code, "k-20");

            assertThat(till.api().post("/api/v1/redemptions", useOf("TX-21", List.of(code), presented, till.use(2000)), "k-21").code())
                    .isEqualTo("COUPON_USED_UP");
            assertThat(usesHeld(code)).isEqualTo(2);
        }

        @Test
        void badRequestsNameTheField() {
            Reply noCodes = till.api().post("/api/v1/redemptions", useOf("TX-22", List.of(), presented, till.use(2000)), "k-22");
            assertThat(noCodes.code()).isEqualTo("NOT_EMPTY");
            assertThat(noCodes.json().path("field").asString()).isEqualTo("couponCodes");

            Reply badTransaction = till.api().post("/api/v1/redemptions", useOf("TX 22 ;", List.of("X"), presented, till.use(2000)), "k-23");
            assertThat(badTransaction.json().path("field").asString()).isEqualTo("transactionId");

            String code = world.coupon(world.campaign(mart).create(), card);
            Reply twice = till.api().post("/api/v1/redemptions", useOf("TX-24", List.of(code, code), presented, till.use(2000)), "k-24");
            assertThat(twice.code()).isEqualTo("DUPLICATE_COUPON_CODE");
            assertThat(twice.json().path("field").asString()).isEqualTo("couponCodes[1]");

            Reply noKey = till.api().post("/api/v1/redemptions", useOf("TX-25", List.of(code), presented, till.use(2000)));
            assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryReturnsTheFirstOutcomeAndUsesNothingMore() {
            String code = world.coupon(world.campaign(mart).uses(3).create(), card);
            Map<String, Object> body = useOf("TX-30", List.of(code), presented, till.use(2000));

            Reply first = till.api().post("/api/v1/redemptions", body, "retry-30");
            Reply retry = till.api().post("/api/v1/redemptions", body, "retry-30");

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(retry.json().path("reservationId").asString()).isEqualTo(first.json().path("reservationId").asString());
            assertThat(usesHeld(code)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from redemption r join coupon c on c.id = r.coupon_id where c.code = ?")
                    .param(code).query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void aRefusalWritesNothingSoItsKeyStaysFreeAndItsRetryRunsAgain() {
            String code = world.coupon(world.campaign(mart).fixed(300).minSpend(1000).create(), card);
            Map<String, Object> body = useOf("TX-31", List.of(code), presented, till.use(500));
            long records = jdbc.sql("select count(*) from coupon_server_idempotency_record").query(Long.class).single();

            Reply first = till.api().post("/api/v1/redemptions", body, "retry-31");
            Reply retry = till.api().post("/api/v1/redemptions", body, "retry-31");

            assertThat(first.code()).isEqualTo("COUPON_NOT_USABLE");
            assertThat(retry.code()).isEqualTo("COUPON_NOT_USABLE");
            assertThat(retry.header("Idempotency-Replayed")).isNull();
            assertThat(jdbc.sql("select count(*) from coupon_server_idempotency_record").query(Long.class).single()).isEqualTo(records);
            Reply enough = till.api().post("/api/v1/redemptions", useOf("TX-31", List.of(code), presented, till.use(1500)), "retry-31");
            assertThat(enough.status()).as(enough.body()).isEqualTo(201);
        }

        @ParameterizedTest(name = "a coupon with {0} use(s)")
        @ValueSource(ints = {1, 3})
        void retriesSentAtOnceUseTheCouponOnceAndAllGetTheFirstOutcome(int uses) throws Exception {
            String code = world.coupon(world.campaign(mart).uses(uses).create(), card);
            Map<String, Object> body = useOf("TX-33-" + uses, List.of(code), presented, till.use(2000));
            int retries = 12;
            ExecutorService terminals = Executors.newFixedThreadPool(retries);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> sent = IntStream.range(0, retries).mapToObj(i -> terminals.submit(() -> {
                start.await();
                return till.api().post("/api/v1/redemptions", body, "retry-33-" + uses);
            })).toList();
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : sent) {
                replies.add(reply.get());
            }
            terminals.shutdown();

            assertThat(replies).extracting(Reply::status).containsOnly(201);
            assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
            assertThat(replies).filteredOn(reply -> reply.header("Idempotency-Replayed") == null).hasSize(1);
            assertThat(usesHeld(code)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from reservation where transaction_id = ?").param("TX-33-" + uses)
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void confirmAndReleaseAreSafeToRetry() {
            String code = world.coupon(world.campaign(mart).create(), card);
            String id = reserve("TX-32", code, "k-32").path("reservationId").asString();

            till.api().post("/api/v1/reservations/" + id + "/confirm", null, "confirm-32");
            Reply retried = till.api().post("/api/v1/reservations/" + id + "/confirm", null, "confirm-32");
            Reply newKey = till.api().post("/api/v1/reservations/" + id + "/confirm", null, "confirm-32-b");

            assertThat(retried.json().path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(newKey.json().path("state").asString()).as("confirming twice changes nothing").isEqualTo("CONFIRMED");
            assertThat(events(id)).containsExactly("RESERVED", "CONFIRMED");
        }
    }

    @Nested
    class Reversal {

        @Test
        void aRefundRestoresTheUseAndIsRecorded() {
            String code = world.coupon(world.campaign(mart).fixed(300).create(), card);
            String id = redeem("TX-40", code, "k-40").path("reservationId").asString();

            Reply reversed = till.api().post("/api/v1/reservations/" + id + "/reversal",
                    Map.of("type", "REFUND", "reason", "goods returned"), "rev-40");

            assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
            assertThat(reversed.json().path("state").asString()).isEqualTo("REVERSED");
            assertThat(usesHeld(code)).isZero();
            Map<String, Object> redemption = jdbc.sql("select state, reversal_type, reversal_reason, reversed_at from redemption where reservation_id = ?::uuid")
                    .param(id).query().singleRow();
            assertThat(redemption.get("state")).isEqualTo("REVERSED");
            assertThat(redemption.get("reversal_type")).isEqualTo("REFUND");
            assertThat(redemption.get("reversal_reason")).isEqualTo("goods returned");
            assertThat(redemption.get("reversed_at")).isNotNull();
            assertThat(events(id)).containsExactly("CONFIRMED", "REVERSED");
            assertThat(search(2000).path("usable")).as("usable again").hasSize(1);
        }

        @Test
        void oneCouponOfAPurchaseCanBeReversedAtAnotherTillOfTheMerchant() {
            String fixed = world.coupon(world.campaign(mart).fixed(300).create(), card);
            String coffee = world.coupon(world.campaign(mart).benefit("FREE_ITEM", "Coffee", 400).create(), card);
            String id = till.api().post("/api/v1/redemptions", useOf("TX-41", List.of(fixed, coffee), presented,
                    till.use(2000, line("COFFEE", "DRINK", 1, 400))), "k-41").json().path("reservationId").asString();
            Terminal serviceDesk = world.terminal(mart, world.store(mart, "DESK", "5411"));

            Reply partly = serviceDesk.api().post("/api/v1/reservations/" + id + "/reversal",
                    Map.of("type", "VOID", "couponCodes", List.of(coffee)), "rev-41");

            assertThat(partly.json().path("state").asString()).isEqualTo("CONFIRMED");
            assertThat(usesHeld(coffee)).isZero();
            assertThat(usesHeld(fixed)).isEqualTo(1);
            Reply twice = serviceDesk.api().post("/api/v1/reservations/" + id + "/reversal",
                    Map.of("type", "VOID", "couponCodes", List.of(coffee)), "rev-41-b");
            assertThat(twice.code()).isEqualTo("ALREADY_REVERSED");
            Reply rest = till.api().post("/api/v1/reservations/" + id + "/reversal", Map.of("type", "VOID"), "rev-41-c");
            assertThat(rest.json().path("state").asString()).isEqualTo("REVERSED");
            assertThat(usesHeld(fixed)).isZero();
        }

        @Test
        void onlyAConfirmedUseIsReversed() {
            String code = world.coupon(world.campaign(mart).create(), card);
            String id = reserve("TX-42", code, "k-42").path("reservationId").asString();

            Reply reply = till.api().post("/api/v1/reservations/" + id + "/reversal", Map.of("type", "VOID"), "rev-42");

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("RESERVATION_NOT_CONFIRMED");
            Reply noType = till.api().post("/api/v1/reservations/" + id + "/reversal", Map.of("reason", "x"), "rev-42-b");
            assertThat(noType.json().path("field").asString()).isEqualTo("type");
        }
    }

    private JsonNode reserve(String transactionId, String code, String key) {
        Reply reply = till.api().post("/api/v1/reservations", useOf(transactionId, List.of(code), presented, till.use(2000)), key);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private JsonNode redeem(String transactionId, String code, String key) {
        Reply reply = till.api().post("/api/v1/redemptions", useOf(transactionId, List.of(code), presented, till.use(2000)), key);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private JsonNode search(long amount) {
        return till.api().post("/api/v1/searches", searchOf(presented, till.use(amount), false)).json();
    }

    private int usesHeld(String code) {
        return jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single();
    }

    private List<String> events(String reservationId) {
        return jdbc.sql("select type from usage_event where reservation_id = ?::uuid order by id")
                .param(reservationId).query(String.class).list();
    }

    private List<String> redemptionStates(String reservationId) {
        return jdbc.sql("select state from redemption where reservation_id = ?::uuid").param(reservationId)
                .query(String.class).list();
    }
}
