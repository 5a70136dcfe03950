package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The coupons as the till sees them, with their terms and free uses: the search and the use read them in one
 * statement each, whatever the number of coupons. Holds that ran out without being swept yet are not counted as
 * held, so they never make a coupon look used up.
 */
public interface CouponsAtTheTill {

    /** The coupons a medium carries that had not expired by {@code expiredAfter}. */
    List<Coupon> carriedBy(CardToken token, Instant expiredAfter, Instant now);

    List<Coupon> withCodes(Collection<String> codes, Instant now);

    Optional<Coupon> withCode(String code, Instant now);
}
