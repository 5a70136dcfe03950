package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a coupon's terms from a row that joins {@code campaign k} and {@code campaign_version v}; the one mapping of
 * the terms columns, shared by every query that needs them.
 */
public final class TermsColumns {

    /** The select list; the query must join {@code campaign k} and {@code campaign_version v}. */
    public static final String SELECT = """
            k.id as campaign_id, k.merchant_id as campaign_merchant_id, k.state as campaign_state,
            v.title, v.kind, v.currency, v.discount_type, v.discount_basis_points, v.discount_amount_minor,
            v.discount_cap_minor, v.benefit_type, v.benefit_description, v.benefit_value_minor, v.benefit_points,
            v.ticket_event, v.ticket_venue, v.ticket_starts_at, v.time_zone, v.valid_from, v.valid_until,
            v.usable_merchant_ids, v.usable_store_ids, v.usable_mccs, v.skus, v.product_categories, v.min_spend_minor,
            v.accepted_media, v.accepted_brands, v.stacking, v.budget_total_minor, v.uses_per_day, v.uses_per_week,
            v.uses_per_month, v.uses_per_card_per_day, v.uses_per_card_per_week, v.uses_per_card_per_month""";

    private TermsColumns() {
    }

    public static CouponTerms map(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        CouponKind kind = CouponKind.valueOf(rs.getString("kind"));
        String currency = rs.getString("currency");
        return new CouponTerms(
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("campaign_merchant_id", UUID.class),
                CampaignState.valueOf(rs.getString("campaign_state")),
                rs.getString("title"),
                kind,
                currency == null ? null : Currency.getInstance(currency),
                kind == CouponKind.DISCOUNT ? discount(rs) : null,
                grant(rs, kind, zone),
                zone,
                instant(rs, "valid_from"),
                instant(rs, "valid_until"),
                uuids(rs.getArray("usable_merchant_ids")),
                uuids(rs.getArray("usable_store_ids")),
                texts(rs.getArray("usable_mccs")),
                texts(rs.getArray("skus")),
                texts(rs.getArray("product_categories")),
                (Long) rs.getObject("min_spend_minor"),
                texts(rs.getArray("accepted_media")).stream().map(MediumType::valueOf).collect(Collectors.toSet()),
                texts(rs.getArray("accepted_brands")),
                Stacking.valueOf(rs.getString("stacking")),
                new CampaignBudget(zone, (Long) rs.getObject("budget_total_minor"), (Integer) rs.getObject("uses_per_day"),
                        (Integer) rs.getObject("uses_per_week"), (Integer) rs.getObject("uses_per_month"),
                        (Integer) rs.getObject("uses_per_card_per_day"), (Integer) rs.getObject("uses_per_card_per_week"),
                        (Integer) rs.getObject("uses_per_card_per_month")));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Discount discount(ResultSet rs) throws SQLException {
        return switch (rs.getString("discount_type")) {
            case "PERCENTAGE" -> new Discount.Percentage(rs.getInt("discount_basis_points"), (Long) rs.getObject("discount_cap_minor"));
            case "FIXED_AMOUNT" -> new Discount.FixedAmount(rs.getLong("discount_amount_minor"));
            default -> throw new IllegalStateException("unknown discount type " + rs.getString("discount_type"));
        };
    }

    /** The grant of a benefit or ticket from the {@code v.benefit_*} and {@code v.ticket_*} columns; null for a discount. */
    public static Grant grant(ResultSet rs, CouponKind kind, ZoneId zone) throws SQLException {
        return switch (kind) {
            case DISCOUNT -> null;
            case BENEFIT -> Grant.benefit(rs.getString("benefit_type"), rs.getString("benefit_description"),
                    (Long) rs.getObject("benefit_value_minor"), (Long) rs.getObject("benefit_points"));
            case TICKET -> Grant.ticket(rs.getString("ticket_event"), rs.getString("ticket_venue"),
                    instant(rs, "ticket_starts_at"), zone);
        };
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
    }

    private static Set<String> texts(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
