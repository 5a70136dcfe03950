package com.cardcoupons.couponserver.budget;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's budget at the till: a use it has no room for is refused with the limit's code and writes nothing, the
 * search says why the coupon is not usable, a release or a reversal gives the budget back, and the usage report
 * shows what was spent and what remains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class BudgetAtTheTillTest {

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
    Terminal till;

    @BeforeEach
    void aMerchantAndATill() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
    }

    @Test
    void aDailyLimitRefusesTheNextUseWithItsCodeUntilAReversalGivesItBack() {
        Campaign campaign = world.campaign(mart).fixed(300).budget(null, 1, null, null, null, null, null).create();
        Card first = new Card(campaign);
        Card second = new Card(campaign);

        Reply used = first.use("TX-1", "k-1");
        assertThat(used.status()).as(used.toString()).isEqualTo(201);
        assertThat(count("campaign_budget_count", campaign, "DAY")).isEqualTo(1);
        assertThat(jdbc.sql("select period_start from campaign_budget_count where campaign_id = ? and period = 'DAY'")
                .param(campaign.id()).query(LocalDate.class).single())
                .as("counted in the campaign's day").isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo")));

        Reply refused = second.use("TX-2", "k-2");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DAILY_LIMIT_REACHED");
        assertThat(refused.json().path("field").asString()).isEqualTo("couponCodes[0]");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertNothingWrittenFor("TX-2", second);
        assertThat(count("campaign_budget_count", campaign, "DAY")).as("the refusal counted nothing").isEqualTo(1);
        assertThat(exhaustions(campaign)).as("recorded by the use that ran the day out, none by the refusal")
                .containsExactly("DAILY_LIMIT_REACHED " + LocalDate.now(ZoneId.of("Asia/Tokyo")) + " "
                        + used.json().path("reservationId").asString());

        JsonNode explained = second.search(true);
        assertThat(explained.path("usable")).isEmpty();
        assertThat(reasons(explained, second.code, "code")).containsExactly("DAILY_LIMIT_REACHED");
        assertThat(reasons(explained, second.code, "detail")).containsExactly("daily limit reached: all 1 uses of this day are taken");

        Reply reversed = till.api().post("/api/v1/reservations/" + used.json().path("reservationId").asString() + "/reversal",
                Map.of("type", "VOID", "reason", "wrong basket"), "k-1-void");
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(count("campaign_budget_count", campaign, "DAY")).as("the reversal gave the use back").isZero();
        assertThat(second.search(false).path("usable")).hasSize(1);
        Reply again = second.use("TX-3", "k-3");
        assertThat(again.status()).isEqualTo(201);
        assertThat(exhaustions(campaign)).as("run out again after the reversal gave the use back").hasSize(2)
                .last().asString().endsWith(again.json().path("reservationId").asString());
    }

    @Test
    void aTotalDiscountBudgetRefusesAUseItCannotPayInFullAndTheReportShowsSpentAndRemaining() {
        Campaign campaign = world.campaign(mart).fixed(300).budget(500L, 10, 50, 100, null, null, null).create();
        Card first = new Card(campaign);
        Card second = new Card(campaign);
        assertThat(first.use("TX-1", "k-1").status()).isEqualTo(201);

        Reply refused = second.use("TX-2", "k-2");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).as("refused, not capped to the 200 left").isEqualTo("CAMPAIGN_BUDGET_EXHAUSTED");
        assertNothingWrittenFor("TX-2", second);
        assertThat(reasons(second.search(true), second.code, "detail"))
                .containsExactly("campaign budget exhausted: 200 JPY left, this purchase's discount is 300 JPY");

        JsonNode budget = world.merchantUser(mart).get("/api/v1/usage/campaigns/" + campaign.id()).json().path("budget");
        assertThat(budget.path("totalDiscount").path("amountMinor").asLong()).isEqualTo(500);
        assertThat(budget.path("spent").path("amountMinor").asLong()).isEqualTo(300);
        assertThat(budget.path("remaining").path("amountMinor").asLong()).isEqualTo(200);
        assertThat(budget.path("remaining").path("currency").asString()).isEqualTo("JPY");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(budget.path("periods")).hasSize(3);
        JsonNode day = budget.path("periods").get(0);
        assertThat(day.path("period").asString()).isEqualTo("DAY");
        assertThat(day.path("periodStart").asString()).isEqualTo(today.toString());
        assertThat(day.path("limit").asLong()).isEqualTo(10);
        assertThat(day.path("used").asLong()).isEqualTo(1);
        assertThat(day.path("remaining").asLong()).isEqualTo(9);
        assertThat(budget.path("periods").get(2).path("periodStart").asString()).isEqualTo(today.withDayOfMonth(1).toString());

        JsonNode none = world.merchantUser(mart).get("/api/v1/usage/campaigns/"
                + world.campaign(mart).fixed(300).create().id()).json();
        assertThat(none.path("budget").isNull() || none.path("budget").isMissingNode()).isTrue();
    }

    @Test
    void aPerCardLimitHoldsForOneCardOnlyAndAReleasedHoldGivesItBack() {
        Campaign campaign = world.campaign(mart).fixed(100).uses(5).budget(null, null, null, null, 1, 2, null).create();
        Card card = new Card(campaign);
        Card other = new Card(campaign);

        Reply held = till.api().post("/api/v1/reservations", useOf("TX-1", List.of(card.code), card.presented, till.use(2000)), "k-1");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Reply again = card.use("TX-2", "k-2");
        assertThat(again.code()).as(again.toString()).isEqualTo("CARD_DAILY_LIMIT_REACHED");
        assertThat(other.use("TX-3", "k-3").status()).as("another card has its own count").isEqualTo(201);

        assertThat(till.api().post("/api/v1/reservations/" + held.json().path("reservationId").asString() + "/release",
                null, "k-1-release").status()).isEqualTo(200);
        assertThat(jdbc.sql("select uses from card_budget_count where card_token = ? and period = 'DAY'")
                .param(card.token()).query(Integer.class).single()).isZero();
        assertThat(card.use("TX-4", "k-4").status()).as("the released hold gave the day back").isEqualTo(201);
        assertThat(card.use("TX-5", "k-5").code()).isEqualTo("CARD_DAILY_LIMIT_REACHED");
        assertThat(exhaustions(campaign)).as("a card's own limit is not the campaign's").isEmpty();
    }

    @Test
    void aUseThatRunsABudgetOutIsToldSo() {
        Campaign campaign = world.campaign(mart).fixed(300).budget(700L, null, null, null, null, null, null).create();
        Card first = new Card(campaign);
        Card second = new Card(campaign);
        assertThat(first.use("TX-1", "k-1").status()).isEqualTo(201);
        assertThat(exhaustions(campaign)).as("400 left: another 300 fits").isEmpty();
        Reply ranOut = second.use("TX-2", "k-2");
        assertThat(ranOut.status()).isEqualTo(201);
        assertThat(jdbc.sql("select spent_minor from campaign_budget_count where campaign_id = ? and period = 'TOTAL'")
                .param(campaign.id()).query(Long.class).single()).isEqualTo(600);
        assertThat(exhaustions(campaign)).as("100 left: the use that left it recorded it, with no period")
                .containsExactly("CAMPAIGN_BUDGET_EXHAUSTED null " + ranOut.json().path("reservationId").asString());
        assertThat(jdbc.sql("""
                        select card_token = ? and merchant_id = ? from usage_event
                         where type = 'BUDGET_EXHAUSTED' and campaign_id = ?""")
                .params(second.token(), mart, campaign.id()).query(Boolean.class).single()).isTrue();
        assertThat(new Card(campaign).use("TX-3", "k-3").code()).isEqualTo("CAMPAIGN_BUDGET_EXHAUSTED");
        assertThat(exhaustions(campaign)).as("the refusal recorded none").hasSize(1);
    }

    @Test
    void aRefusedUseThatWouldHaveRunTheBudgetOutRecordsNoExhaustion() {
        Campaign campaign = world.campaign(mart).fixed(300).budget(300L, null, null, null, null, null, null).create();
        Card card = new Card(campaign);
        String secondCoupon = world.coupon(campaign, card.medium);
        assertThat(card.use("TX-1", "k-1").status()).isEqualTo(201);
        assertThat(exhaustions(campaign)).hasSize(1);
        // room again, then a use the budget would let run it out, refused as its transaction already has a use
        jdbc.sql("update campaign_budget_count set uses = 0, spent_minor = 0, ran_out_at_uses = null where campaign_id = ?")
                .param(campaign.id()).update();
        Reply refused = till.api().post("/api/v1/redemptions",
                useOf("TX-1", List.of(secondCoupon), card.presented, till.use(2000)), "k-2");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(exhaustions(campaign)).as("rolled back with the use").hasSize(1);
        assertThat(jdbc.sql("select spent_minor from campaign_budget_count where campaign_id = ? and period = 'TOTAL'")
                .param(campaign.id()).query(Long.class).single()).isZero();
    }

    /** The campaign's budget exhaustions in the usage log, oldest first: limit code, period start, reservation. */
    private List<String> exhaustions(Campaign campaign) {
        return jdbc.sql("""
                        select budget_limit || ' ' || coalesce(budget_period_start::text, 'null') || ' ' || reservation_id
                          from usage_event where type = 'BUDGET_EXHAUSTED' and campaign_id = ? order by id""")
                .param(campaign.id()).query(String.class).list();
    }

    private void assertNothingWrittenFor(String transactionId, Card card) {
        assertThat(jdbc.sql("select count(*) from reservation where transaction_id = ? and card_token = ?")
                .params(transactionId, card.token()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from redemption where card_token = ?").param(card.token())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql(TillWorld.USES_HELD).param(card.code).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from card_budget_count where card_token = ?").param(card.token())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from coupon_server_idempotency_record where card_token = ?").param(card.token())
                .query(Long.class).single()).isZero();
    }

    private long count(String table, Campaign campaign, String period) {
        return jdbc.sql("select coalesce(sum(uses), 0) from " + table + " where campaign_id = ? and period = ?")
                .params(campaign.id(), period).query(Long.class).single();
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

    /** A new card holding one coupon of the campaign. */
    private final class Card {

        final String number = TillWorld.newVisa();
        final Map<String, Object> presented = card("CREDIT", number);
        final UsageMediumId medium = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(number));
        final String code;

        Card(Campaign campaign) {
            code = world.coupon(campaign, medium);
        }

        Reply use(String transactionId, String key) {
            return till.api().post("/api/v1/redemptions", useOf(transactionId, List.of(code), presented, till.use(2000)), key);
        }

        JsonNode search(boolean explain) {
            Reply reply = till.api().post("/api/v1/searches", searchOf(presented, till.use(2000), explain));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.json();
        }

        String token() {
            return jdbc.sql("select card_token from coupon where code = ?").param(code).query(String.class).single();
        }
    }
}
