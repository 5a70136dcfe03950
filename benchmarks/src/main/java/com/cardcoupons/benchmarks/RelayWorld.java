package com.cardcoupons.benchmarks;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The relay benchmark's world, in the shape of the shared schema as registration-api writes it: one merchant with one
 * store and a till for each load client, and an approved campaign of 10 % off with one coupon on each of the first
 * cards. Cards beyond those carry no coupon. Card numbers are the {@link Dataset}'s Visa test numbers.
 */
final class RelayWorld {

    static final UUID MERCHANT = id("relay-merchant");
    static final UUID STORE = id("relay-store");
    private static final UUID CAMPAIGN = id("relay-campaign");
    private static final UUID VERSION = id("relay-campaign-version");
    private static final int FIRST_CARD_WITHOUT_COUPONS = 50_000_000;
    private static final int BATCH = 1_000;

    private RelayWorld() {
    }

    static UUID terminal(int client) {
        return id("relay-terminal-" + client);
    }

    /** The card of the {@code n}th payment with a coupon. */
    static String cardWithCoupon(int n) {
        return Dataset.cardNumber(n);
    }

    /** The card of the {@code n}th call without a coupon: no card is used twice. */
    static String cardWithoutCoupons(int n) {
        return Dataset.cardNumber(FIRST_CARD_WITHOUT_COUPONS + n);
    }

    static void seed(BenchDatabase database, RelayOptions options) throws SQLException {
        UsageMediumTokenizer tokenizer = new UsageMediumTokenizer(options.cardTokenKey().getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Timestamp validFrom = Timestamp.from(now.minus(Duration.ofDays(1)));
        Timestamp validUntil = Timestamp.from(now.plus(Duration.ofDays(30)));
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            db.setAutoCommit(false);
            update(db, "insert into merchant (id, name) values (?, 'Bench Relay Mart')", MERCHANT);
            update(db, "insert into store (id, merchant_id, code, name, mcc, time_zone) values (?, ?, 'RELAY', 'Relay bench store', '5411', 'Asia/Tokyo')",
                    STORE, MERCHANT);
            for (int client = 0; client < options.threads(); client++) {
                update(db, "insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, ?)",
                        terminal(client), MERCHANT, STORE, "RELAY-" + client);
            }
            update(db, "insert into campaign (id, merchant_id, short_code, state, live_version) values (?, ?, 'RELAYBENCH', 'APPROVED', 1)",
                    CAMPAIGN, MERCHANT);
            update(db, "insert into campaign_issue (campaign_id, acquired_count) values (?, ?)", CAMPAIGN, options.couponCards());
            update(db, """
                            insert into campaign_version (id, campaign_id, version, approval_state, title, kind, currency,
                                discount_type, discount_basis_points, time_zone, valid_from, valid_until, usable_merchant_ids,
                                accepted_media, per_card_limit, uses_per_coupon, stacking, submitted_by)
                            values (?, ?, 1, 'APPROVED', '10% off at the bench', 'DISCOUNT', 'JPY', 'PERCENTAGE', 1000,
                                    'Asia/Tokyo', ?, ?, ?::uuid[], '{CREDIT}', 1, 1, 'EXCLUSIVE', 'merchant:bench')""",
                    VERSION, CAMPAIGN, validFrom, validUntil, "{" + MERCHANT + "}");
            try (PreparedStatement coupons = db.prepareStatement("""
                    insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type, medium_last_four,
                                        card_brand, channel, uses_allowed, acquired_at, expires_at)
                    values (?, ?, ?, ?, ?, 'CREDIT', ?, 'VISA', 'MOBILE_APP', 1, ?, ?)""");
                 PreparedStatement codes = db.prepareStatement("insert into coupon_by_code (code, card_token, coupon_id) values (?, ?, ?)")) {
                for (int n = 0; n < options.couponCards(); n++) {
                    TokenizedMedium card = tokenizer.tokenize(UsageMediumId.card(MediumType.CREDIT,
                            CardNumber.parse(cardWithCoupon(n))));
                    coupons.setObject(1, Dataset.couponId(n));
                    coupons.setString(2, Dataset.code(n));
                    coupons.setObject(3, CAMPAIGN);
                    coupons.setObject(4, VERSION);
                    coupons.setString(5, card.token().value());
                    coupons.setString(6, card.lastFour());
                    coupons.setTimestamp(7, validFrom);
                    coupons.setTimestamp(8, validUntil);
                    coupons.addBatch();
                    codes.setString(1, Dataset.code(n));
                    codes.setString(2, card.token().value());
                    codes.setObject(3, Dataset.couponId(n));
                    codes.addBatch();
                    if (n % BATCH == BATCH - 1) {
                        coupons.executeBatch();
                        codes.executeBatch();
                    }
                }
                coupons.executeBatch();
                codes.executeBatch();
            }
            db.commit();
            try (var analyse = db.createStatement()) {
                db.setAutoCommit(true);
                analyse.execute(Dataset.ANALYZE_SEEDED);
            }
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("bench-" + name).getBytes(StandardCharsets.US_ASCII));
    }
}
