package com.cardcoupons.localplatform;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The demo world of a local run: two merchants with stores and terminals, campaigns in several approval states,
 * and a few cards already carrying coupons. Loaded with fixed ids so the README's examples work as printed, and
 * idempotently, so a second run against the same database changes nothing.
 */
final class DemoData {

    static final UUID SAKURA_MART = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID SAKURA_SHIBUYA = UUID.fromString("a0000000-0000-4000-8000-000000000011");
    static final UUID SAKURA_SHINJUKU = UUID.fromString("a0000000-0000-4000-8000-000000000012");
    static final UUID SHIBUYA_TILL_1 = UUID.fromString("a0000000-0000-4000-8000-000000000111");
    static final UUID SHIBUYA_TILL_2 = UUID.fromString("a0000000-0000-4000-8000-000000000112");
    static final UUID SHINJUKU_TILL_1 = UUID.fromString("a0000000-0000-4000-8000-000000000121");
    static final UUID HARBOR_CAFE = UUID.fromString("b0000000-0000-4000-8000-000000000002");
    static final UUID HARBOR_CAFE_YOKOHAMA = UUID.fromString("b0000000-0000-4000-8000-000000000021");
    static final UUID YOKOHAMA_TILL_1 = UUID.fromString("b0000000-0000-4000-8000-000000000211");

    static final String TOKYO = "Asia/Tokyo";

    /** Test cards from the schemes' public test ranges: they pass Luhn and belong to no one. */
    static final List<DemoCard> CARDS = List.of(
            new DemoCard("Visa credit", UsageMediumId.card(MediumType.CREDIT, CardNumber.parse("4111111111111111"))),
            new DemoCard("Mastercard credit", UsageMediumId.card(MediumType.CREDIT, CardNumber.parse("5555555555554444"))),
            new DemoCard("JCB debit", UsageMediumId.card(MediumType.DEBIT, CardNumber.parse("3530111333300000"))),
            new DemoCard("Sakura point card", UsageMediumId.membership(MediumType.POINT, "SAKURAPOINTS", "00012345")),
            new DemoCard("Sky mileage card", UsageMediumId.membership(MediumType.MILEAGE, "SKYMILES", "00998877")));

    private final UsageMediumTokenizer tokenizer;

    DemoData(UsageMediumTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    void load(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        merchants(connection);
        List<DemoCampaign> campaigns = DemoCampaign.catalogue();
        for (DemoCampaign campaign : campaigns) {
            campaign.insert(connection);
        }
        coupons(connection, campaigns);
        connection.commit();
    }

    private void merchants(Connection connection) throws SQLException {
        update(connection, "insert into merchant (id, name) values (?, ?), (?, ?) on conflict do nothing",
                SAKURA_MART, "Sakura Mart", HARBOR_CAFE, "Harbor Cafe");
        update(connection, """
                insert into store (id, merchant_id, code, name, mcc, time_zone) values
                  (?, ?, 'SHIBUYA', 'Sakura Mart Shibuya', '5411', ?),
                  (?, ?, 'SHINJUKU', 'Sakura Mart Shinjuku', '5411', ?),
                  (?, ?, 'YOKOHAMA', 'Harbor Cafe Yokohama', '5814', ?)
                on conflict do nothing""",
                SAKURA_SHIBUYA, SAKURA_MART, TOKYO, SAKURA_SHINJUKU, SAKURA_MART, TOKYO,
                HARBOR_CAFE_YOKOHAMA, HARBOR_CAFE, TOKYO);
        update(connection, """
                insert into terminal (id, merchant_id, store_id, code) values
                  (?, ?, ?, 'TILL-1'), (?, ?, ?, 'TILL-2'), (?, ?, ?, 'TILL-1'), (?, ?, ?, 'TILL-1')
                on conflict do nothing""",
                SHIBUYA_TILL_1, SAKURA_MART, SAKURA_SHIBUYA, SHIBUYA_TILL_2, SAKURA_MART, SAKURA_SHIBUYA,
                SHINJUKU_TILL_1, SAKURA_MART, SAKURA_SHINJUKU, YOKOHAMA_TILL_1, HARBOR_CAFE, HARBOR_CAFE_YOKOHAMA);
    }

    /** Every demo card carries one coupon of every live campaign it is accepted by. */
    private void coupons(Connection connection, List<DemoCampaign> campaigns) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int sequence = 0;
        for (DemoCard card : CARDS) {
            TokenizedMedium medium = tokenizer.tokenize(card.medium());
            for (DemoCampaign campaign : campaigns) {
                sequence++;
                if (!campaign.live() || !campaign.accepts(medium.type())) {
                    continue;
                }
                String code = DemoCampaign.couponCode(sequence);
                int inserted = update(connection, """
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type,
                                            medium_last_four, card_brand, program, channel, uses_allowed, acquired_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'MOBILE_APP', ?, ?, ?)
                        on conflict do nothing""",
                        UUID.nameUUIDFromBytes(code.getBytes()), code, campaign.id(), campaign.versionId(),
                        medium.token().value(), medium.type().name(), medium.lastFour(),
                        medium.brand() == null ? null : medium.brand().name(), medium.program(),
                        campaign.usesPerCoupon(), Timestamp.from(now), Timestamp.from(campaign.validUntil()));
                if (inserted == 1) {
                    update(connection, "insert into coupon_by_code (code, card_token, coupon_id) values (?, ?, ?)",
                            code, medium.token().value(), UUID.nameUUIDFromBytes(code.getBytes()));
                    update(connection, """
                            insert into campaign_issue (campaign_id, acquired_count) values (?, 1)
                            on conflict (campaign_id) do update set acquired_count = campaign_issue.acquired_count + 1""",
                            campaign.id());
                    update(connection, """
                            insert into campaign_card_holding (campaign_id, card_token, acquired) values (?, ?, 1)
                            on conflict (campaign_id, card_token) do update set acquired = campaign_card_holding.acquired + 1""",
                            campaign.id(), medium.token().value());
                }
            }
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneId.of(TOKYO)).toInstant();
    }

    /** A card of the demo, described for the console and the README. */
    record DemoCard(String label, UsageMediumId medium) {

        String shown() {
            return medium.type().isPaymentCard() ? label : label + " (" + medium.program() + " " + medium.memberNumber() + ")";
        }
    }
}
