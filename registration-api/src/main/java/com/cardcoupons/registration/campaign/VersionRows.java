package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;
import com.cardcoupons.registration.terms.AcceptedMedia;
import com.cardcoupons.registration.terms.Benefit;
import com.cardcoupons.registration.terms.BenefitType;
import com.cardcoupons.registration.terms.Discount;
import com.cardcoupons.registration.terms.DiscountType;
import com.cardcoupons.registration.terms.Limits;
import com.cardcoupons.registration.terms.Offer;
import com.cardcoupons.registration.terms.Terms;
import com.cardcoupons.registration.terms.Ticket;
import com.cardcoupons.registration.terms.Usability;
import com.cardcoupons.registration.terms.ValidityWindow;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.UUID;

import static com.cardcoupons.registration.PostgresTypes.array;
import static com.cardcoupons.registration.PostgresTypes.bigint;
import static com.cardcoupons.registration.PostgresTypes.instant;
import static com.cardcoupons.registration.PostgresTypes.integer;
import static com.cardcoupons.registration.PostgresTypes.list;
import static com.cardcoupons.registration.PostgresTypes.timestamp;

/** Reads and writes a campaign version as one row of {@code campaign_version}. */
public final class VersionRows {

    private static final String INSERT = """
            insert into campaign_version (id, campaign_id, version, approval_state, title, description, kind, currency,
                discount_type, discount_basis_points, discount_amount_minor, discount_cap_minor,
                benefit_type, benefit_description, benefit_value_minor, benefit_points,
                ticket_event, ticket_venue, ticket_starts_at, time_zone, valid_from, valid_until, coupon_validity_days,
                usable_merchant_ids, usable_store_ids, usable_mccs, skus, product_categories, min_spend_minor,
                accepted_media, accepted_brands, total_cap, per_card_limit, uses_per_coupon, stacking,
                submitted_by, submitted_at)
            values (:id, :campaignId, :version, :approvalState, :title, :description, :kind, :currency,
                :discountType, :basisPoints, :discountAmount, :discountCap,
                :benefitType, :benefitDescription, :benefitValue, :benefitPoints,
                :ticketEvent, :ticketVenue, :ticketStartsAt, :timeZone, :validFrom, :validUntil, :couponValidityDays,
                :merchantIds, :storeIds, :mccs, :skus, :categories, :minSpend,
                :media, :brands, :totalCap, :perCardLimit, :usesPerCoupon, :stacking,
                :submittedBy, :submittedAt)""";

    private VersionRows() {
    }

    static void insert(JdbcClient jdbc, UUID campaignId, CampaignVersion version) {
        Terms terms = version.terms();
        Usability usability = terms.usability();
        JdbcClient.StatementSpec statement = jdbc.sql(INSERT)
                .param("id", version.id())
                .param("campaignId", campaignId)
                .param("version", version.number())
                .param("approvalState", version.approvalState().name())
                .param("title", terms.title())
                .param("description", terms.description())
                .param("kind", terms.kind().name())
                .param("currency", terms.currency() == null ? null : terms.currency().getCurrencyCode())
                .param("timeZone", terms.window().zone().getId())
                .param("validFrom", timestamp(terms.window().from()))
                .param("validUntil", timestamp(terms.window().until()))
                .param("couponValidityDays", terms.couponValidityDays())
                .param("merchantIds", array("uuid", usability.merchantIds()))
                .param("storeIds", array("uuid", usability.storeIds()))
                .param("mccs", array("text", usability.mccs()))
                .param("skus", array("text", usability.skus()))
                .param("categories", array("text", usability.productCategories()))
                .param("minSpend", usability.minSpend() == null ? null : usability.minSpend().amountMinor())
                .param("media", array("text", terms.media().types()))
                .param("brands", array("text", terms.media().brands()))
                .param("totalCap", terms.limits().totalCap())
                .param("perCardLimit", terms.limits().perCardLimit())
                .param("usesPerCoupon", terms.limits().usesPerCoupon())
                .param("stacking", terms.stacking().name())
                .param("submittedBy", version.submittedBy())
                .param("submittedAt", timestamp(version.submittedAt()));
        Discount discount = terms.offer() instanceof Discount d ? d : null;
        Benefit benefit = terms.offer() instanceof Benefit b ? b : null;
        Ticket ticket = terms.offer() instanceof Ticket t ? t : null;
        statement
                .param("discountType", discount == null ? null : discount.type().name())
                .param("basisPoints", discount == null ? null : discount.basisPoints())
                .param("discountAmount", discount == null || discount.amount() == null ? null : discount.amount().amountMinor())
                .param("discountCap", discount == null || discount.cap() == null ? null : discount.cap().amountMinor())
                .param("benefitType", benefit == null ? null : benefit.type().name())
                .param("benefitDescription", benefit == null ? null : benefit.description())
                .param("benefitValue", benefit == null || benefit.value() == null ? null : benefit.value().amountMinor())
                .param("benefitPoints", benefit == null ? null : benefit.points())
                .param("ticketEvent", ticket == null ? null : ticket.event())
                .param("ticketVenue", ticket == null ? null : ticket.venue())
                .param("ticketStartsAt", ticket == null ? null : timestamp(ticket.startsAt()))
                .update();
    }

    /** A version from a row holding every column of {@code campaign_version}. */
    public static CampaignVersion map(ResultSet rs) throws SQLException {
        String currencyCode = rs.getString("currency");
        Currency currency = currencyCode == null ? null : Currency.getInstance(currencyCode);
        ValidityWindow window = new ValidityWindow(ZoneId.of(rs.getString("time_zone")),
                instant(rs, "valid_from"), instant(rs, "valid_until"));
        Usability usability = new Usability(
                list(rs, "usable_merchant_ids", UUID::fromString),
                list(rs, "usable_store_ids", UUID::fromString),
                list(rs, "usable_mccs", s -> s),
                list(rs, "skus", s -> s),
                list(rs, "product_categories", s -> s),
                money(bigint(rs, "min_spend_minor"), currency));
        AcceptedMedia media = new AcceptedMedia(
                new HashSet<>(list(rs, "accepted_media", MediumType::valueOf)),
                new HashSet<>(list(rs, "accepted_brands", CardBrand::valueOf)));
        Terms terms = new Terms(rs.getString("title"), rs.getString("description"), currency, offer(rs, currency),
                window, integer(rs, "coupon_validity_days"), usability, media,
                new Limits(integer(rs, "total_cap"), rs.getInt("per_card_limit"), rs.getInt("uses_per_coupon")),
                Stacking.valueOf(rs.getString("stacking")));
        return new CampaignVersion(rs.getObject("id", UUID.class), rs.getInt("version"),
                ApprovalState.valueOf(rs.getString("approval_state")), terms, rs.getString("submitted_by"),
                instant(rs, "submitted_at"));
    }

    private static Offer offer(ResultSet rs, Currency currency) throws SQLException {
        return switch (CouponKind.valueOf(rs.getString("kind"))) {
            case DISCOUNT -> new Discount(DiscountType.valueOf(rs.getString("discount_type")),
                    integer(rs, "discount_basis_points"),
                    money(bigint(rs, "discount_amount_minor"), currency),
                    money(bigint(rs, "discount_cap_minor"), currency));
            case BENEFIT -> new Benefit(BenefitType.valueOf(rs.getString("benefit_type")),
                    rs.getString("benefit_description"),
                    money(bigint(rs, "benefit_value_minor"), currency),
                    bigint(rs, "benefit_points"));
            case TICKET -> new Ticket(rs.getString("ticket_event"), rs.getString("ticket_venue"),
                    instant(rs, "ticket_starts_at"));
        };
    }

    private static Money money(Long amountMinor, Currency currency) {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }
}
