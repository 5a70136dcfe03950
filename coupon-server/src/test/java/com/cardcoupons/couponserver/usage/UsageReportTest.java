package com.cardcoupons.couponserver.usage;

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
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * A day at Sakura Mart, played through the API, then read back as the campaign's usage figures: acquisitions,
 * searches, uses, a released hold and a refund, per day in Tokyo, per store, channel and medium type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class UsageReportTest {

    private static final String OLD_ACQUISITION_UTC = "2025-01-01T15:30:00Z";

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

    TillWorld world;
    UUID mart;
    UUID cafe;
    UUID shibuya;
    UUID shinjuku;
    Campaign campaign;
    Campaign cafeCampaign;
    LocalDate today;
    LocalDate acquiredDay;

    @BeforeEach
    void aDayOfUse() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        cafe = world.merchant("Harbor Cafe");
        shibuya = world.store(mart, "SHIBUYA", "5411");
        shinjuku = world.store(mart, "SHINJUKU", "5411");
        jdbc.sql("update store set name = ? where id = ?").params("=Shinjuku, \"East\"", shinjuku).update();
        Terminal shibuyaTill = world.terminal(mart, shibuya);
        Terminal shinjukuTill = world.terminal(mart, shinjuku);
        campaign = world.campaign(mart).title("300 yen off").fixed(300).uses(3).create();
        cafeCampaign = world.campaign(cafe).create();

        String visa = TillWorld.newVisa();
        String visaCoupon = world.coupon(campaign, UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(visa)));
        world.coupon(campaign, UsageMediumId.membership(MediumType.POINT, "SAKURAPOINTS", "4242" + port));
        // acquired long ago on a debit card through the web: the coupon's row is the acquisition's record
        jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type,
                                            medium_last_four, channel, uses_allowed, acquired_at, expires_at)
                        values (gen_random_uuid(), ?, ?, ?, ?, 'DEBIT', '0000', 'WEB', 3, ?::timestamptz,
                                ?::timestamptz + interval '30 days')""")
                .params(TillWorld.newCode(), campaign.id(), campaign.versionId(), "x".repeat(43), OLD_ACQUISITION_UTC,
                        OLD_ACQUISITION_UTC).update();

        Map<String, Object> presented = card("CREDIT", visa);
        shibuyaTill.api().post("/api/v1/searches", searchOf(presented, shibuyaTill.use(2000), false));
        shibuyaTill.api().post("/api/v1/searches", searchOf(presented, shibuyaTill.use(2000), false));
        ok(shibuyaTill.api().post("/api/v1/redemptions", useOf("TX-1", List.of(visaCoupon), presented, shibuyaTill.use(2000)), "k1"));
        String held = ok(shinjukuTill.api().post("/api/v1/reservations", useOf("TX-2", List.of(visaCoupon), presented, shinjukuTill.use(2000)), "k2"));
        ok(shinjukuTill.api().post("/api/v1/reservations/" + held + "/release", null, "k3"));
        String refunded = ok(shinjukuTill.api().post("/api/v1/redemptions", useOf("TX-3", List.of(visaCoupon), presented, shinjukuTill.use(2000)), "k4"));
        ok(shinjukuTill.api().post("/api/v1/reservations/" + refunded + "/reversal", Map.of("type", "REFUND"), "k5"));
        today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        acquiredDay = jdbc.sql("select (acquired_at at time zone 'Asia/Tokyo')::date from coupon where code = ?")
                .param(visaCoupon).query(LocalDate.class).single();
    }

    @Test
    void theCampaignsFiguresInTotalAndByDayStoreChannelAndMedium() {
        JsonNode report = world.merchantUser(mart).get("/api/v1/usage/campaigns/" + campaign.id()).json();

        assertThat(report.path("title").asString()).isEqualTo("300 yen off");
        assertThat(report.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        JsonNode total = report.path("total");
        assertThat(total.path("acquired").asLong()).isEqualTo(3);
        assertThat(total.path("matchedInSearches").asLong()).isEqualTo(2);
        assertThat(total.path("reserved").asLong()).isEqualTo(1);
        assertThat(total.path("used").asLong()).isEqualTo(2);
        assertThat(total.path("released").asLong()).isEqualTo(1);
        assertThat(total.path("reversed").asLong()).isEqualTo(1);
        assertThat(total.path("discountGranted").path("amountMinor").asLong()).as("600 granted, 300 refunded").isEqualTo(300);
        assertThat(total.path("discountGranted").path("currency").asString()).isEqualTo("JPY");

        assertThat(report.path("byDay")).hasSize(3);
        JsonNode oldDay = report.path("byDay").get(0);
        assertThat(oldDay.path("day").asString()).as("15:30 UTC is the next morning in Tokyo").isEqualTo("2025-01-02");
        assertThat(oldDay.path("figures").path("acquired").asLong()).isEqualTo(1);
        assertThat(slice(report.path("byDay"), "day", acquiredDay.toString()).path("acquired").asLong())
                .as("the world's coupons were acquired the day before").isEqualTo(2);
        assertThat(slice(report.path("byDay"), "day", today.toString()).path("used").asLong()).isEqualTo(2);

        JsonNode shibuyaFigures = slice(report.path("byStore"), "storeCode", "SHIBUYA");
        assertThat(shibuyaFigures.path("used").asLong()).isEqualTo(1);
        assertThat(shibuyaFigures.path("matchedInSearches").asLong()).isEqualTo(2);
        assertThat(shibuyaFigures.path("discountGranted").path("amountMinor").asLong()).isEqualTo(300);
        JsonNode shinjukuFigures = slice(report.path("byStore"), "storeCode", "SHINJUKU");
        assertThat(shinjukuFigures.path("used").asLong()).isEqualTo(1);
        assertThat(shinjukuFigures.path("reversed").asLong()).isEqualTo(1);
        assertThat(shinjukuFigures.path("released").asLong()).isEqualTo(1);
        assertThat(shinjukuFigures.path("discountGranted").path("amountMinor").asLong()).isZero();

        assertThat(slice(report.path("byChannel"), "key", "MOBILE_APP").path("acquired").asLong()).isEqualTo(2);
        assertThat(slice(report.path("byChannel"), "key", "MOBILE_APP").path("used").asLong()).isEqualTo(2);
        assertThat(slice(report.path("byChannel"), "key", "WEB").path("acquired").asLong()).isEqualTo(1);
        assertThat(slice(report.path("byMediumType"), "key", "CREDIT").path("used").asLong()).isEqualTo(2);
        assertThat(slice(report.path("byMediumType"), "key", "POINT").path("acquired").asLong()).isEqualTo(1);
        assertThat(slice(report.path("byMediumType"), "key", "DEBIT").path("acquired").asLong()).isEqualTo(1);
    }

    @Test
    void aCancellationCountsOnTheDayAndInTheChannelItCameThrough() {
        String cancelled = world.coupon(campaign, UsageMediumId.card(MediumType.DEBIT, CardNumber.parse(TillWorld.newVisa())));
        jdbc.sql("update coupon set state = 'CANCELLED', cancelled_at = now(), cancelled_via = 'DIGITAL_BROADCAST' where code = ?")
                .param(cancelled).update();

        JsonNode report = world.merchantUser(mart).get("/api/v1/usage/campaigns/" + campaign.id()).json();

        assertThat(report.path("total").path("acquired").asLong()).isEqualTo(4);
        assertThat(report.path("total").path("cancelled").asLong()).isEqualTo(1);
        JsonNode broadcast = slice(report.path("byChannel"), "key", "DIGITAL_BROADCAST");
        assertThat(broadcast.path("cancelled").asLong()).isEqualTo(1);
        assertThat(broadcast.path("acquired").asLong()).as("acquired through the app").isZero();
        assertThat(slice(report.path("byDay"), "day", today.toString()).path("cancelled").asLong()).isEqualTo(1);
        assertThat(world.merchantUser(mart).get("/api/v1/usage/campaigns").json().path("campaigns").get(0)
                .path("total").path("cancelled").asLong()).isEqualTo(1);
    }

    @Test
    void aPeriodIsDaysOfTheCampaignsCalendar() {
        JsonNode report = world.approver().get("/api/v1/usage/campaigns/" + campaign.id() + "?from=2025-01-02&to=2025-01-02").json();
        assertThat(report.path("total").path("acquired").asLong()).isEqualTo(1);
        assertThat(report.path("total").path("used").asLong()).isZero();

        JsonNode dayBefore = world.approver().get("/api/v1/usage/campaigns/" + campaign.id() + "?to=2025-01-01").json();
        assertThat(dayBefore.path("total").path("acquired").asLong()).isZero();

        Reply backwards = world.approver().get("/api/v1/usage/campaigns/" + campaign.id() + "?from=2025-02-01&to=2025-01-01");
        assertThat(backwards.code()).isEqualTo("INVALID_DATE_RANGE");
        assertThat(world.approver().get("/api/v1/usage/campaigns/" + campaign.id() + "?from=yesterday").code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void merchantsSeeOnlyTheirOwnCampaignsAndApproversSeeAll() {
        Reply other = world.merchantUser(cafe).get("/api/v1/usage/campaigns/" + campaign.id());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("OTHER_MERCHANT");
        assertThat(world.approver().get("/api/v1/usage/campaigns/" + campaign.id()).status()).isEqualTo(200);
        assertThat(world.merchantUser(mart).get("/api/v1/usage/campaigns/" + UUID.randomUUID()).code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        Terminal till = world.terminal(mart, shibuya);
        assertThat(till.api().get("/api/v1/usage/campaigns/" + campaign.id()).code()).isEqualTo("ROLE_NOT_PERMITTED");

        assertThat(campaignIds(world.merchantUser(mart).get("/api/v1/usage/campaigns").json())).containsExactly(campaign.id().toString());
        assertThat(campaignIds(world.merchantUser(cafe).get("/api/v1/usage/campaigns").json())).containsExactly(cafeCampaign.id().toString());
        assertThat(campaignIds(world.approver().get("/api/v1/usage/campaigns?size=200").json()))
                .contains(campaign.id().toString(), cafeCampaign.id().toString());
        JsonNode listed = world.merchantUser(mart).get("/api/v1/usage/campaigns").json().path("campaigns").get(0);
        assertThat(listed.path("total").path("used").asLong()).isEqualTo(2);
    }

    @Test
    void theSameFiguresExportAsCsv() {
        Reply csv = world.merchantUser(mart).get("/api/v1/usage/campaigns/" + campaign.id() + "/figures.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("breakdown,key,store_name,acquired,matched_in_searches,reserved,used,released,"
                + "expired,reversed,cancelled,discount_granted_minor,currency");
        assertThat(lines.get(1)).isEqualTo("total,,,3,2,1,2,1,0,1,0,300,JPY");
        assertThat(lines).contains("day,2025-01-02,,1,0,0,0,0,0,0,0,0,JPY");
        assertThat(lines).contains("store,SHINJUKU,\"'=Shinjuku, \"\"East\"\"\",0,0,1,1,1,0,1,0,0,JPY")
                .as("a store name is quoted, and cannot run as a spreadsheet formula");
        assertThat(lines).contains("channel,WEB,,1,0,0,0,0,0,0,0,0,JPY");
        assertThat(lines).anyMatch(line -> line.startsWith("medium_type,CREDIT,"));
        assertThat(world.merchantUser(cafe).get("/api/v1/usage/campaigns/" + campaign.id() + "/figures.csv").status()).isEqualTo(403);
    }

    private static JsonNode slice(JsonNode slices, String keyField, String key) {
        for (JsonNode slice : slices) {
            if (slice.path(keyField).asString().equals(key)) {
                return slice.path("figures");
            }
        }
        throw new AssertionError("no slice " + key + " in " + slices);
    }

    private static List<String> campaignIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("campaigns").forEach(campaign -> ids.add(campaign.path("campaignId").asString()));
        return ids;
    }

    private static String ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isLessThan(300);
        return reply.json().path("reservationId").asString();
    }
}
