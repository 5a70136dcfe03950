package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.campaign.CampaignState;
import com.cardcoupons.registration.campaign.VersionRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.cardcoupons.registration.PostgresTypes.instant;
import static com.cardcoupons.registration.PostgresTypes.timestamp;

/** Every coupon acquired, found by the token of the medium that holds it. */
@Repository
public class Coupons {

    // the version's columns as they are, the coupon's and the campaign's prefixed
    private static final String HELD = """
            select v.*,
                   c.id as coupon_id, c.code as coupon_code, c.campaign_id as coupon_campaign_id, c.card_token, c.medium_type,
                   c.medium_last_four, c.card_brand, c.program, c.channel, c.uses_allowed, c.uses_held, c.acquired_at,
                   c.expires_at, c.cancelled_at, k.merchant_id as campaign_merchant_id, k.state as campaign_state
              from coupon c
              join campaign_version v on v.id = c.campaign_version_id
              join campaign k on k.id = c.campaign_id""";

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a coupon; false, writing nothing, in the unlikely event that its code is taken. */
    public boolean add(Coupon coupon) {
        TokenizedMedium medium = coupon.medium();
        return jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type,
                                            medium_last_four, card_brand, program, channel, uses_allowed, acquired_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do nothing""")
                .params(coupon.id(), coupon.code().value(), coupon.campaignId(), coupon.versionId(), medium.token().value(),
                        medium.type().name(), medium.lastFour(), medium.brand() == null ? null : medium.brand().name(),
                        medium.program(), coupon.channel().name(), coupon.usesAllowed(), timestamp(coupon.acquiredAt()),
                        timestamp(coupon.expiresAt()))
                .update() == 1;
    }

    /** The coupons a medium holds, newest first, at most {@code limit}. */
    public List<HeldCoupon> heldBy(CardToken token, int limit) {
        return jdbc.sql(HELD + " where c.card_token = ? order by c.acquired_at desc, c.id limit ?")
                .params(token.value(), limit)
                .query((rs, row) -> held(rs))
                .list();
    }

    /** The coupon with this code, if the medium holds it. */
    public Optional<HeldCoupon> find(CouponCode code, CardToken token) {
        return jdbc.sql(HELD + " where c.code = ? and c.card_token = ?")
                .params(code.value(), token.value())
                .query((rs, row) -> held(rs))
                .optional();
    }

    /** Cancels an active coupon with no use held and not yet expired; false when it is no longer so. */
    public boolean cancel(UUID couponId, Instant now) {
        return jdbc.sql("""
                        update coupon set state = 'CANCELLED', cancelled_at = ?
                         where id = ? and state = 'ACTIVE' and uses_held = 0 and expires_at > ?""")
                .params(timestamp(now), couponId, timestamp(now))
                .update() == 1;
    }

    private static HeldCoupon held(ResultSet rs) throws SQLException {
        String brand = rs.getString("card_brand");
        TokenizedMedium medium = new TokenizedMedium(new CardToken(rs.getString("card_token")),
                MediumType.valueOf(rs.getString("medium_type")), rs.getString("medium_last_four"),
                brand == null ? null : CardBrand.valueOf(brand), rs.getString("program"));
        Coupon coupon = new Coupon(rs.getObject("coupon_id", UUID.class), new CouponCode(rs.getString("coupon_code")),
                rs.getObject("coupon_campaign_id", UUID.class), rs.getObject("id", UUID.class), medium,
                Channel.valueOf(rs.getString("channel")), rs.getInt("uses_allowed"), rs.getInt("uses_held"),
                instant(rs, "acquired_at"), instant(rs, "expires_at"), instant(rs, "cancelled_at"));
        return new HeldCoupon(coupon, VersionRows.map(rs), rs.getObject("campaign_merchant_id", UUID.class),
                CampaignState.valueOf(rs.getString("campaign_state")));
    }
}
