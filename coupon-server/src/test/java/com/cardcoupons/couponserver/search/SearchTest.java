package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Campaign;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.couponserver.usage.SearchLog;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.line;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class SearchTest {

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    @Autowired
    UsageMediumTokenizer tokenizer;

    @Autowired
    SearchLog searchLog;

    TillWorld world;
    UUID mart;
    UUID shibuya;
    UUID shinjuku;
    Terminal till;
    String cardNumber;
    UsageMediumId card;

    @BeforeEach
    void aMerchantWithTwoStoresAndACard() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        shibuya = world.store(mart, "SHIBUYA", "5411");
        shinjuku = world.store(mart, "SHINJUKU", "5411");
        till = world.terminal(mart, shibuya);
        cardNumber = TillWorld.newVisa();
        card = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber));
    }

    @Test
    void theCardsUsableCouponsComeBestFirstWithTheirEffectAndTheBestCombination() {
        String tenPercent = world.coupon(world.campaign(mart).title("10% off").percentage(1000, 500L).create(), card);
        String fiveHundredOff = world.coupon(world.campaign(mart).title("500 yen off").fixed(500).create(), card);
        String freeCoffee = world.coupon(world.campaign(mart).title("Free coffee")
                .benefit("FREE_ITEM", "One regular coffee", 450).create(), card);

        JsonNode answer = search(till.use(3000), false);

        assertThat(codes(answer.path("usable"))).containsExactly(fiveHundredOff, freeCoffee, tenPercent)
                .as("500 off beats 300 off; the benefit ranks by its 450 yen value after the larger discount");
        JsonNode best = answer.path("usable").get(0);
        assertThat(best.path("title").asString()).isEqualTo("500 yen off");
        assertThat(best.path("kind").asString()).isEqualTo("DISCOUNT");
        assertThat(best.path("effect").path("discount").path("amountMinor").asLong()).isEqualTo(500);
        assertThat(best.path("effect").path("payable").path("amountMinor").asLong()).isEqualTo(2500);
        assertThat(best.path("usesLeft").asInt()).isEqualTo(1);
        JsonNode coffee = answer.path("usable").get(1);
        assertThat(coffee.path("effect").path("grant").asString()).isEqualTo("Free item: One regular coffee");
        assertThat(coffee.path("effect").path("payable").path("amountMinor").asLong()).isEqualTo(3000);
        assertThat(answer.path("usable").get(2).path("effect").path("discount").path("amountMinor").asLong())
                .as("10% of 3000, under the 500 cap").isEqualTo(300);

        JsonNode combination = answer.path("bestCombination");
        assertThat(codes(combination.path("couponCodes"))).containsExactlyInAnyOrder(fiveHundredOff, tenPercent, freeCoffee);
        assertThat(combination.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(800);
        assertThat(combination.path("payable").path("amountMinor").asLong()).isEqualTo(2200);
        assertThat(answer.has("unusable")).as("reasons only when asked").isFalse();
    }

    @Test
    void aSearchSentWithAnIdempotencyKeyIsRecordedWithItsCardAndReplayedToItsRetry() {
        world.coupon(world.campaign(mart).title("500 yen off").fixed(500).create(), card);
        Map<String, Object> body = searchOf(card("CREDIT", cardNumber), till.use(3000), false);

        Reply first = till.api().post("/api/v1/searches", body, "search-1");
        Reply retry = till.api().post("/api/v1/searches", body, "search-1");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("searchId")).isEqualTo(first.json().path("searchId"));
        assertThat(jdbc.sql("select card_token from coupon_server_idempotency_record where idempotency_key = 'search-1'")
                .query(String.class).list()).containsExactly(tokenizer.tokenize(card).token().value());
    }

    @Test
    void aTicketGrantsAdmissionAndLeavesTheAmountAlone() {
        String ticket = world.coupon(world.campaign(mart).title("Jazz night").ticket("Harbor Jazz Night").create(), card);

        JsonNode usable = search(till.use(1000), false).path("usable").get(0);

        assertThat(usable.path("code").asString()).isEqualTo(ticket);
        assertThat(usable.path("kind").asString()).isEqualTo("TICKET");
        assertThat(usable.path("stacking").asString()).isEqualTo("EXCLUSIVE");
        assertThat(usable.path("effect").path("grant").asString()).isEqualTo("Admission: Harbor Jazz Night at Main hall");
        assertThat(usable.path("effect").path("payable").path("amountMinor").asLong()).isEqualTo(1000);
    }

    @Test
    void anExclusiveCouponIsUsedAloneAndWinsWhenItSavesMore() {
        String exclusive = world.coupon(world.campaign(mart).fixed(1000).exclusive().create(), card);
        world.coupon(world.campaign(mart).fixed(300).create(), card);
        world.coupon(world.campaign(mart).fixed(500).create(), card);

        JsonNode combination = search(till.use(3000), false).path("bestCombination");

        assertThat(codes(combination.path("couponCodes"))).containsExactly(exclusive);
        assertThat(combination.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(1000);
    }

    @Test
    void stackedDiscountsNeverTakeTheAmountBelowZero() {
        world.coupon(world.campaign(mart).fixed(800).create(), card);
        world.coupon(world.campaign(mart).fixed(700).create(), card);

        JsonNode combination = search(till.use(1000), false).path("bestCombination");

        assertThat(combination.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(1000);
        assertThat(combination.path("payable").path("amountMinor").asLong()).isZero();
    }

    @Test
    void aCardWithoutCouponsIsAnEmptyAnswerNotAnError() {
        JsonNode answer = search(till.use(1000), true);
        assertThat(answer.path("usable")).isEmpty();
        assertThat(answer.has("bestCombination")).isFalse();
        assertThat(answer.path("unusable")).isEmpty();
        assertThat(answer.path("searchId").asString()).hasSize(36);
    }

    @Test
    void aPointCardIsSearchedByProgramAndMemberNumber() {
        UsageMediumId points = UsageMediumId.membership(MediumType.POINT, "SAKURAPOINTS", "00012345" + port);
        String code = world.coupon(world.campaign(mart).media("POINT").create(), points);

        Reply reply = till.api().post("/api/v1/searches", searchOf(
                Map.of("type", "POINT", "program", "SAKURAPOINTS", "memberNumber", "00012345" + port), till.use(2000), false));

        assertThat(codes(reply.json().path("usable"))).containsExactly(code);
    }

    @Nested
    class EveryMatchingRuleIsCheckedAndExplained {

        @Test
        void theCampaignMustBeApprovedAndNeitherSuspendedNorEnded() {
            Campaign pending = world.campaign(mart).state("PENDING_APPROVAL").create();
            Campaign suspended = world.campaign(mart).state("SUSPENDED").create();
            Campaign ended = world.campaign(mart).state("ENDED").create();
            Campaign rejected = world.campaign(mart).state("REJECTED").create();
            Map<String, String> expected = Map.of(
                    world.coupon(pending, card), "CAMPAIGN_NOT_APPROVED",
                    world.coupon(suspended, card), "CAMPAIGN_SUSPENDED",
                    world.coupon(ended, card), "CAMPAIGN_ENDED",
                    world.coupon(rejected, card), "CAMPAIGN_NOT_APPROVED");

            JsonNode answer = search(till.use(1000), true);

            assertThat(answer.path("usable")).isEmpty();
            expected.forEach((code, reason) -> assertThat(reasonCodes(answer, code)).containsExactly(reason));
        }

        @Test
        void theTimeMustBeInsideTheCampaignsWindowAndBeforeTheCouponExpires() {
            Instant now = Instant.now();
            String notYet = world.coupon(world.campaign(mart).window(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9))).create(), card);
            String closed = world.coupon(world.campaign(mart).window(now.minus(Duration.ofDays(9)), now.minus(Duration.ofMinutes(10))).create(),
                    card, now.plus(Duration.ofDays(3)));
            String expired = world.coupon(world.campaign(mart).create(), card, now.minus(Duration.ofHours(1)));

            JsonNode explained = search(till.use(1000), true);

            assertThat(reasonCodes(explained, notYet)).containsExactly("NOT_YET_VALID");
            assertThat(reasonCodes(explained, closed)).containsExactly("CAMPAIGN_WINDOW_CLOSED");
            assertThat(reasonCodes(explained, expired)).containsExactly("COUPON_EXPIRED");
            assertThat(reasonsOf(explained, notYet).get(0)).startsWith("campaign starts ").endsWith("(Asia/Tokyo)");
            assertThat(search(till.use(1000), false).path("usable")).isEmpty();
        }

        @Test
        void aCancelledCouponOrOneWithoutUsesLeftIsNotUsable() {
            String cancelled = world.coupon(world.campaign(mart).create(), card);
            world.cancel(cancelled);
            String usedUp = world.coupon(world.campaign(mart).uses(2).create(), card);
            jdbc.sql(TillWorld.USE_UP).param(usedUp).update();

            JsonNode explained = search(till.use(1000), true);

            assertThat(reasonCodes(explained, cancelled)).containsExactly("COUPON_CANCELLED");
            assertThat(reasonCodes(explained, usedUp)).containsExactly("NO_USES_LEFT");
        }

        @Test
        void theStoreAndTheMerchantCategoryMustMatch() {
            String shinjukuOnly = world.coupon(world.campaign(mart).stores(shinjuku).create(), card);
            String cafesOnly = world.coupon(world.campaign(mart).mccs("5814").create(), card);
            String groceries = world.coupon(world.campaign(mart).stores(shibuya).mccs("5411", "5499").create(), card);

            JsonNode explained = search(till.use(1000), true);

            assertThat(codes(explained.path("usable"))).containsExactly(groceries);
            assertThat(reasonsOf(explained, shinjukuOnly)).containsExactly("not valid at this store");
            assertThat(reasonCodes(explained, cafesOnly)).containsExactly("MCC_NOT_ACCEPTED");
        }

        @Test
        void theItemsMustQualifyAndTheirSpendMeetTheMinimum() {
            String pastry = world.coupon(world.campaign(mart).categories("PASTRY").fixed(100).create(), card);
            String milk = world.coupon(world.campaign(mart).skus("MILK-1L").percentage(2000, null).create(), card);
            String bigSpend = world.coupon(world.campaign(mart).minSpend(3000).create(), card);
            String freshOver2000 = world.coupon(world.campaign(mart).categories("FRESH").minSpend(2000).create(), card);

            JsonNode explained = search(till.use(2500, line("MILK-1L", "DAIRY", 2, 250), line("APPLE", "FRESH", 4, 300),
                    line("RICE-5KG", "GRAIN", 1, 800)), true);

            assertThat(codes(explained.path("usable"))).containsExactly(milk);
            assertThat(explained.path("usable").get(0).path("effect").path("discount").path("amountMinor").asLong())
                    .as("20% of the milk line only").isEqualTo(100);
            assertThat(reasonCodes(explained, pastry)).containsExactly("NO_QUALIFYING_ITEM");
            assertThat(reasonsOf(explained, bigSpend)).containsExactly("minimum spend 3000 JPY not met");
            assertThat(reasonsOf(explained, freshOver2000))
                    .containsExactly("minimum spend 2000 JPY not met by the qualifying items (1200 JPY)");
        }

        @Test
        void theMediumTypeAndBrandMustBeAccepted() {
            String creditOnly = world.coupon(world.campaign(mart).media("CREDIT").create(), card);
            String jcbOnly = world.coupon(world.campaign(mart).brands("JCB").create(), card);
            String visa = world.coupon(world.campaign(mart).media("CREDIT", "DEBIT").brands("VISA").create(), card);

            JsonNode asDebit = searchWith(card("DEBIT", cardNumber), till.use(1000), true);

            assertThat(codes(asDebit.path("usable"))).containsExactly(visa);
            assertThat(reasonCodes(asDebit, creditOnly)).containsExactly("MEDIUM_TYPE_NOT_ACCEPTED");
            assertThat(reasonsOf(asDebit, jcbOnly)).containsExactly("not valid with a VISA card; valid with JCB");
        }

        @Test
        void thePurchaseMustBeInTheCampaignsCurrency() {
            String yen = world.coupon(world.campaign(mart).create(), card);
            Map<String, Object> inDollars = new LinkedHashMap<>(till.use(1000));
            inDollars.put("amount", Map.of("amountMinor", 1000, "currency", "USD"));

            assertThat(reasonCodes(search(inDollars, true), yen)).containsExactly("CURRENCY_NOT_ACCEPTED");
        }

        @Test
        void aCouponFailingSeveralRulesGetsEveryReason() {
            String code = world.coupon(world.campaign(mart).state("SUSPENDED").stores(shinjuku).minSpend(5000).create(), card);

            assertThat(reasonCodes(search(till.use(1000), true), code))
                    .containsExactly("CAMPAIGN_SUSPENDED", "NOT_VALID_AT_STORE", "MINIMUM_SPEND_NOT_MET");
        }
    }

    @Nested
    class ATerminalOnlySeesItsOwnBusiness {

        @Test
        void anotherMerchantsCouponsStayHiddenEvenWhenExplaining() {
            UUID cafe = world.merchant("Harbor Cafe");
            world.coupon(world.campaign(cafe).create(), card);
            String shared = world.coupon(world.campaign(cafe).merchants(cafe, mart).title("Valid at both").create(), card);

            JsonNode explained = search(till.use(1000), true);

            assertThat(codes(explained.path("usable"))).containsExactly(shared);
            assertThat(explained.path("unusable")).isEmpty();
        }

        @Test
        void theIntendedUseMustBeTheCallingTerminals() {
            Map<String, Object> elsewhere = new LinkedHashMap<>(till.use(1000));
            elsewhere.put("storeId", shinjuku);

            Reply reply = till.api().post("/api/v1/searches", searchOf(card("CREDIT", cardNumber), elsewhere, false));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("INTENDED_USE_NOT_CALLER");
            assertThat(reply.json().path("field").asString()).isEqualTo("intendedUse.storeId");
        }

        @Test
        void onlyTerminalsSearch() {
            Reply reply = world.merchantUser(mart).post("/api/v1/searches", searchOf(card("CREDIT", cardNumber), till.use(1000), false));
            assertThat(reply.code()).isEqualTo("ROLE_NOT_PERMITTED");
        }
    }

    @Nested
    class BadInputIsRefusedWithTheField {

        @Test
        void aCardNumberFailingLuhnIsNeverEchoed() {
            String wrong = cardNumber.substring(0, 15) + ((cardNumber.charAt(15) - '0' + 1) % 10);
            Reply reply = till.api().post("/api/v1/searches", searchOf(card("CREDIT", wrong), till.use(1000), false));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
            assertThat(reply.json().path("field").asString()).isEqualTo("medium.cardNumber");
            assertThat(reply.body()).doesNotContain(wrong);
        }

        @Test
        void aBasketLineInAnotherCurrencyOrBeyondTheAmount() {
            Map<String, Object> dollars = new LinkedHashMap<>(line("MILK", "DAIRY", 1, 100));
            dollars.put("unitPrice", Map.of("amountMinor", 100, "currency", "USD"));
            Reply mixed = till.api().post("/api/v1/searches", searchOf(card("CREDIT", cardNumber),
                    till.use(1000, line("BREAD", "BAKERY", 1, 200), dollars), false));
            assertThat(mixed.code()).isEqualTo("CURRENCY_MISMATCH");
            assertThat(mixed.json().path("field").asString()).isEqualTo("intendedUse.basket[1].unitPrice.currency");

            Reply beyond = till.api().post("/api/v1/searches", searchOf(card("CREDIT", cardNumber),
                    till.use(1000, line("RICE", "GRAIN", 2, 800)), false));
            assertThat(beyond.code()).isEqualTo("BASKET_EXCEEDS_AMOUNT");
        }

        @Test
        void aTimeFarFromTheServersClock() {
            Map<String, Object> yesterday = new LinkedHashMap<>(till.use(1000));
            yesterday.put("occurredAt", Instant.now().minus(Duration.ofDays(1)).toString());
            Reply reply = till.api().post("/api/v1/searches", searchOf(card("CREDIT", cardNumber), yesterday, false));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("OCCURRED_AT_OUT_OF_RANGE");
            assertThat(reply.json().path("field").asString()).isEqualTo("intendedUse.occurredAt");
        }

        @Test
        void aMissingIntendedUse() {
            Reply reply = till.api().post("/api/v1/searches", Map.of("medium", card("CREDIT", cardNumber)));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("field").asString()).isEqualTo("intendedUse");
        }
    }

    @Nested
    class EverySearchIsLogged {

        @Test
        void aHitLogsTheSearchAndEachMatchByTokenOnly() {
            Campaign campaign = world.campaign(mart).fixed(200).create();
            String code = world.coupon(campaign, card);

            Instant before = Instant.now();
            UUID searchId = UUID.fromString(search(till.use(1000), false).path("searchId").asString());
            searchLog.flush();

            Map<String, Object> searched = jdbc.sql("select * from usage_event where search_id = ? and type = 'SEARCHED'")
                    .param(searchId).query().singleRow();
            assertThat(searched.get("matched_count")).isEqualTo(1);
            assertThat(searched.get("card_token")).isEqualTo(tokenizer.tokenize(card).token().value());
            assertThat(searched.get("terminal_id")).isEqualTo(till.terminalId());
            assertThat(searched.get("amount_minor")).isEqualTo(1000L);
            assertThat(((Timestamp) searched.get("occurred_at")).toInstant()).as("when the search was made")
                    .isBetween(before.minusSeconds(1), Instant.now());
            Map<String, Object> matched = jdbc.sql("select * from usage_event where search_id = ? and type = 'MATCHED'")
                    .param(searchId).query().singleRow();
            assertThat(matched.get("campaign_id")).isEqualTo(campaign.id());
            assertThat(matched.get("discount_minor")).isEqualTo(200L);
            assertThat(matched.get("coupon_id")).isEqualTo(jdbc.sql("select id from coupon where code = ?").param(code)
                    .query(UUID.class).single());
            String everything = jdbc.sql("select string_agg(e::text, '|') from usage_event e").query(String.class).single();
            assertThat(everything).doesNotContain(cardNumber).doesNotContain(cardNumber.substring(6));
        }

        @Test
        void aMissIsLoggedToo() {
            UUID searchId = UUID.fromString(search(till.use(1000), false).path("searchId").asString());
            searchLog.flush();
            assertThat(jdbc.sql("select matched_count from usage_event where search_id = ? and type = 'SEARCHED'")
                    .param(searchId).query(Integer.class).single()).isZero();
        }
    }

    private JsonNode search(Map<String, Object> use, boolean explain) {
        return searchWith(card("CREDIT", cardNumber), use, explain);
    }

    private JsonNode searchWith(Map<String, Object> medium, Map<String, Object> use, boolean explain) {
        Reply reply = till.api().post("/api/v1/searches", searchOf(medium, use, explain));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> codes(JsonNode nodes) {
        List<String> codes = new ArrayList<>();
        nodes.forEach(node -> codes.add(node.isString() ? node.asString() : node.path("code").asString()));
        return codes;
    }

    private static List<String> reasonCodes(JsonNode answer, String code) {
        return reasons(answer, code, "code");
    }

    private static List<String> reasonsOf(JsonNode answer, String code) {
        return reasons(answer, code, "detail");
    }

    private static List<String> reasons(JsonNode answer, String code, String part) {
        for (JsonNode unusable : answer.path("unusable")) {
            if (unusable.path("code").asString().equals(code)) {
                List<String> reasons = new ArrayList<>();
                unusable.path("reasons").forEach(reason -> reasons.add(reason.path(part).asString()));
                return reasons;
            }
        }
        throw new AssertionError("coupon " + code + " is not among the unusable: " + answer);
    }
}
