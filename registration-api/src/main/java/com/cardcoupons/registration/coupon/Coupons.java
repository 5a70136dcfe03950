package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardToken;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every coupon acquired, found by the token of the medium that holds it: read with JPA, written only by the statements
 * of {@link CouponWrites}.
 */
public interface Coupons extends Repository<Coupon, UUID>, CouponWrites {

    /** A coupon with the version it was acquired under and its campaign's merchant and state: one query. */
    String HELD = """
            select new com.cardcoupons.registration.coupon.HeldCoupon(c, v, k.merchantId, k.state)
              from Coupon c
              join CampaignVersion v on v.id = c.versionId
              join Campaign k on k.id = c.campaignId""";

    /** The coupons a medium holds, newest first, at most {@code limit}. */
    @Query(HELD + " where c.cardToken = :token order by c.acquiredAt desc, c.id")
    List<HeldCoupon> heldBy(CardToken token, Limit limit);

    /**
     * The coupons a medium holds after the one acquired at {@code acquiredAt} with id {@code id}, in the order of
     * {@link #heldBy(CardToken, Limit)}, at most {@code limit}.
     */
    @Query(HELD + " where c.cardToken = :token"
            + " and (c.acquiredAt < :acquiredAt or (c.acquiredAt = :acquiredAt and c.id > :id))"
            + " order by c.acquiredAt desc, c.id")
    List<HeldCoupon> heldAfter(CardToken token, Instant acquiredAt, UUID id, Limit limit);

    /** The coupon with this code, if the medium holds it. */
    @Query(HELD + " where c.code = :code and c.cardToken = :token")
    Optional<HeldCoupon> find(CouponCode code, CardToken token);

    /** The coupon with this code as a holder sent it, if it is a code and the medium holds that coupon. */
    default Optional<HeldCoupon> find(String sentCode, CardToken token) {
        return CouponCode.lookup(sentCode).flatMap(code -> find(code, token));
    }
}
