package com.cardcoupons.benchmarks;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.IntFunction;

/**
 * Fills an empty, migrated database with the {@link Dataset} through {@code COPY}, in the shape of the shared
 * schema as registration-api writes it, then analyses it so the planner knows its size.
 */
final class Seeder {

    private static final int CHUNK_ROWS = 20_000;

    private final BenchDatabase database;
    private final Dataset dataset;
    private final Options options;
    private final UsageMediumTokenizer tokenizer;

    Seeder(BenchDatabase database, Options options) {
        this.database = database;
        this.options = options;
        this.dataset = new Dataset(options.campaigns(), options.cards());
        this.tokenizer = new UsageMediumTokenizer(options.cardTokenKey().getBytes(StandardCharsets.UTF_8));
    }

    void seed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            try (Statement statement = connection.createStatement();
                 var existing = statement.executeQuery("select count(*) from merchant")) {
                existing.next();
                if (existing.getLong(1) > 0) {
                    throw new IllegalStateException("the benchmark database must be empty: it seeds and redeems its own data");
                }
            }
            CopyRunner copy = new CopyRunner(connection.unwrap(PGConnection.class));
            copy.rows("merchant (id, name)", Dataset.MERCHANTS,
                    m -> Dataset.merchantId(m) + "\tBench merchant " + m);
            copy.rows("store (id, merchant_id, code, name, mcc, time_zone)", Dataset.MERCHANTS * Dataset.STORES_PER_MERCHANT,
                    s -> Dataset.storeId(s / Dataset.STORES_PER_MERCHANT, s % Dataset.STORES_PER_MERCHANT) + "\t"
                            + Dataset.merchantId(s / Dataset.STORES_PER_MERCHANT) + "\tS" + s + "\tBench store " + s
                            + "\t5411\tAsia/Tokyo");
            int perMerchant = Dataset.STORES_PER_MERCHANT * Dataset.TERMINALS_PER_STORE;
            copy.rows("terminal (id, merchant_id, store_id, code)", Dataset.MERCHANTS * perMerchant, t -> {
                int merchant = t / perMerchant;
                int store = t % perMerchant / Dataset.TERMINALS_PER_STORE;
                int terminal = t % Dataset.TERMINALS_PER_STORE;
                return Dataset.terminalId(merchant, store, terminal) + "\t" + Dataset.merchantId(merchant) + "\t"
                        + Dataset.storeId(merchant, store) + "\tT" + terminal;
            });
            copy.rows("campaign (id, merchant_id, short_code, state, live_version)", options.campaigns(),
                    c -> Dataset.campaignId(c) + "\t" + Dataset.merchantId(Dataset.merchantOf(c)) + "\t" + String.format("BN%06d", c) + "\tAPPROVED\t1");
            Instant from = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
            Instant until = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
            copy.rows("""
                    campaign_version (id, campaign_id, version, approval_state, title, kind, currency, discount_type,
                        discount_basis_points, discount_amount_minor, discount_cap_minor, benefit_type, benefit_description,
                        benefit_value_minor, time_zone, valid_from, valid_until, usable_merchant_ids, usable_store_ids,
                        product_categories, min_spend_minor, accepted_media, per_card_limit, uses_per_coupon, stacking,
                        submitted_by)""", options.campaigns(), c -> version(c, from, until));
            copy.rows("""
                    coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type, medium_last_four,
                        card_brand, channel, uses_allowed, acquired_at, expires_at)""", options.coupons(), i -> coupon(i, from, until));
            copy.rows("coupon_by_code (code, card_token, coupon_id)", options.coupons(), this::couponCode);
            try (Statement statement = connection.createStatement()) {
                statement.execute(Dataset.ANALYZE_SEEDED);
            }
        }
    }

    private static String version(int c, Instant from, Instant until) {
        int merchant = Dataset.merchantOf(c);
        boolean benefit = c % 20 == 7;
        boolean fixed = !benefit && c % 3 == 0;
        boolean percentage = !benefit && !fixed;
        return String.join("\t",
                Dataset.versionId(c).toString(), Dataset.campaignId(c).toString(), "1", "APPROVED", "Bench campaign " + c,
                benefit ? "BENEFIT" : "DISCOUNT", "JPY",
                benefit ? "\\N" : fixed ? "FIXED_AMOUNT" : "PERCENTAGE",
                percentage ? Integer.toString(500 + c % 4 * 500) : "\\N",
                fixed ? Integer.toString(100 + c % 5 * 100) : "\\N",
                percentage ? "1000" : "\\N",
                benefit ? "FREE_ITEM" : "\\N",
                benefit ? "One coffee" : "\\N",
                benefit ? "300" : "\\N",
                "Asia/Tokyo", from.toString(), until.toString(),
                "{" + Dataset.merchantId(merchant) + "}",
                c % 10 == 4 ? "{" + Dataset.storeId(merchant, 0) + "}" : "{}",
                c % 10 == 3 ? "{FRESH}" : "{}",
                c % 5 == 1 ? "1000" : "\\N",
                "{CREDIT,DEBIT,POINT,MILEAGE}", "5", c % 4 == 0 ? "3" : "1",
                c % 20 == 11 ? "EXCLUSIVE" : "STACKABLE", "bench");
    }

    private String coupon(int i, Instant acquired, Instant until) {
        int campaign = dataset.campaignOf(i);
        String number = Dataset.cardNumber(dataset.cardOf(i));
        String token = tokenizer.tokenize(UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(number))).token().value();
        return String.join("\t", Dataset.couponId(i).toString(), Dataset.code(i), Dataset.campaignId(campaign).toString(),
                Dataset.versionId(campaign).toString(), token, "CREDIT", number.substring(12), "VISA", "MOBILE_APP",
                campaign % 4 == 0 ? "3" : "1", acquired.toString(), until.toString());
    }

    private String couponCode(int i) {
        return String.join("\t", Dataset.code(i), token(dataset.cardOf(i)), Dataset.couponId(i).toString());
    }

    private String token(int card) {
        return tokenizer.tokenize(UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(Dataset.cardNumber(card)))).token().value();
    }

    /** Streams generated rows into one table, a chunk at a time, in PostgreSQL's text COPY format. */
    private record CopyRunner(PGConnection connection) {

        void rows(String table, int count, IntFunction<String> row) throws SQLException {
            CopyIn copy = connection.getCopyAPI().copyIn("copy " + table + " from stdin");
            try {
                StringBuilder chunk = new StringBuilder(CHUNK_ROWS * 200);
                for (int i = 0; i < count; i++) {
                    chunk.append(row.apply(i)).append('\n');
                    if (chunk.length() > CHUNK_ROWS * 150) {
                        write(copy, chunk);
                    }
                }
                write(copy, chunk);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }
}
