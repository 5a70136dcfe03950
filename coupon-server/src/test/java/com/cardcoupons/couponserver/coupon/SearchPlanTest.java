package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The search at the till starts from the card-token index, never from a scan of the coupons. */
@SpringBootTest
@IsolatedDatabase
class SearchPlanTest {

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    UsageMediumTokenizer tokenizer;

    @Autowired
    IdentitySigner signer;

    @Test
    void theSearchPlanUsesTheCardTokenIndex() {
        TillWorld world = new TillWorld(jdbc, tokenizer, signer, 0);
        UUID mart = world.merchant("Sakura Mart");
        TillWorld.Campaign campaign = world.campaign(mart).create();
        jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type, medium_last_four,
                                            channel, uses_allowed, expires_at)
                        select gen_random_uuid(), translate(lpad(i::text, 16, 'Z'), '01', 'AB'), ?, ?,
                               substr(md5((i % 10000)::text) || md5((i % 10000)::text), 1, 43), 'CREDIT', '1111', 'WEB', 1,
                               now() + interval '30 days'
                          from generate_series(1, 50000) i""")
                .params(campaign.id(), campaign.versionId()).update();
        jdbc.sql("analyze coupon").update();
        String token = jdbc.sql("select substr(md5('42') || md5('42'), 1, 43)").query(String.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        String plan = String.join("\n", jdbc.sql("explain " + CouponsAtTheTill.CARRIED_BY).params(now, token, now)
                .query(String.class).list());

        assertThat(plan).as(plan).containsPattern(
                "Index Scan using (coupon_by_card_token|coupon_card_code) on coupon|Bitmap Index Scan on (coupon_by_card_token|coupon_card_code)");
        assertThat(plan).as(plan).doesNotContain("Seq Scan on coupon ").doesNotContain("Seq Scan on coupon_use");
    }
}
