package com.cardcoupons.relay.support;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Coupons acquired on cards for use at the relay's test store, written with SQL in the shape of the shared schema
 * (V1_1) as registration-api writes them: an approved campaign of the test merchant and one coupon of it on the card.
 * And what coupon-server recorded about them afterwards: the uses held, and the usage log.
 */
public final class CouponsOnCards {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UsageMediumTokenizer tokenizer;

    public CouponsOnCards(JdbcClient jdbc, UsageMediumTokenizer tokenizer) {
        this.jdbc = jdbc;
        this.tokenizer = tokenizer;
    }

    /** A single-use coupon of {@code basisPoints} off (1000 = 10 %) on the credit card; returns its code. */
    public String discount(String card, String title, int basisPoints) {
        UUID version = campaign(title, "DISCOUNT", basisPoints, null);
        return coupon(version, card);
    }

    /** A single-use benefit coupon (a free item) on the credit card; returns its code. */
    public String benefit(String card, String title, String description) {
        UUID version = campaign(title, "BENEFIT", null, description);
        return coupon(version, card);
    }

    /** Uses of the coupon reserved or confirmed at coupon-server, as coupon-server counts them. */
    public int usesHeld(String code) {
        return jdbc.sql("""
                        select coalesce(max(u.uses_held), 0) from coupon c
                          left join coupon_use u on u.coupon_id = c.id and u.card_token = c.card_token
                         where c.code = ?""").param(code).query(Integer.class).single();
    }

    /** The coupon's use as coupon-server's usage log has it, in order: RESERVED, CONFIRMED, RELEASED, EXPIRED, REVERSED. */
    public List<String> usage(String code) {
        return jdbc.sql("""
                        select e.type from usage_event e join coupon c on c.id = e.coupon_id
                         where c.code = ? and e.type in ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED')
                         order by e.id""")
                .param(code).query(String.class).list();
    }

    /** How many searches for the card reached coupon-server, as its usage log has them. */
    public long searchesFor(String card) {
        return jdbc.sql("select count(*) from usage_event where type = 'SEARCHED' and card_token = ?")
                .param(tokenized(card).token().value()).query(Long.class).single();
    }

    private UUID campaign(String title, String kind, Integer basisPoints, String benefit) {
        UUID campaign = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("insert into campaign (id, merchant_id, short_code, state, live_version) values (?, ?, ?, 'APPROVED', 1)")
                .params(campaign, RelayTestBase.MERCHANT, shortCode()).update();
        jdbc.sql("""
                        insert into campaign_version (id, campaign_id, version, approval_state, title, kind, currency,
                            discount_type, discount_basis_points, benefit_type, benefit_description, benefit_value_minor,
                            time_zone, valid_from, valid_until, usable_merchant_ids, accepted_media, per_card_limit,
                            uses_per_coupon, stacking, submitted_by)
                        values (?, ?, 1, 'APPROVED', ?, ?, 'JPY', ?, ?, ?, ?, ?, 'Asia/Tokyo', ?, ?, ?::uuid[],
                                '{CREDIT,DEBIT}', 5, 1, 'EXCLUSIVE', 'merchant:relay-test')""")
                .params(version, campaign, title, kind, basisPoints == null ? null : "PERCENTAGE", basisPoints,
                        benefit == null ? null : "FREE_ITEM", benefit, benefit == null ? null : 450L,
                        Timestamp.from(now.minus(Duration.ofDays(7))), Timestamp.from(validUntil(now)),
                        "{" + RelayTestBase.MERCHANT + "}")
                .update();
        return version;
    }

    private String coupon(UUID version, String card) {
        TokenizedMedium medium = tokenized(card);
        String code = code();
        UUID campaign = jdbc.sql("select campaign_id from campaign_version where id = ?").param(version)
                .query(UUID.class).single();
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type, medium_last_four,
                                            card_brand, channel, uses_allowed, acquired_at, expires_at)
                        values (?, ?, ?, ?, ?, 'CREDIT', ?, ?, 'MOBILE_APP', 1, ?, ?)""")
                .params(id, code, campaign, version, medium.token().value(), medium.lastFour(),
                        medium.brand().name(), Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(validUntil(now)))
                .update();
        jdbc.sql("insert into coupon_by_code (code, card_token, coupon_id) values (?, ?, ?)")
                .params(code, medium.token().value(), id).update();
        return code;
    }

    private TokenizedMedium tokenized(String card) {
        return tokenizer.tokenize(UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(card)));
    }

    private static Instant validUntil(Instant now) {
        return now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String code() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String shortCode() {
        StringBuilder code = new StringBuilder("R");
        for (int i = 0; i < 9; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
