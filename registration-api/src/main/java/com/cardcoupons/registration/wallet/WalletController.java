package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.coupon.Channel;
import com.cardcoupons.registration.coupon.Coupon;
import com.cardcoupons.registration.coupon.CouponView;
import com.cardcoupons.registration.coupon.Coupons;
import com.cardcoupons.registration.coupon.HeldCoupon;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A consumer channel shows a medium's coupons and cancels one for its holder. Both take the medium in the body. */
@RestController
@RequestMapping("/api/v1/wallet")
@PermittedRoles(Role.CONSUMER_CHANNEL)
class WalletController {

    private final Coupons coupons;
    private final CouponCancellation cancellation;
    private final UsageMediumTokenizer tokenizer;
    private final Clock clock;

    WalletController(Coupons coupons, CouponCancellation cancellation, UsageMediumTokenizer tokenizer, Clock clock) {
        this.coupons = coupons;
        this.cancellation = cancellation;
        this.tokenizer = tokenizer;
        this.clock = clock;
    }

    /**
     * A read, though a POST: the card number stays out of URLs and access logs. A page of the newest coupons, or of
     * those older than a coupon the medium holds; pages follow the coupons, not positions, so a coupon acquired
     * meanwhile neither shifts nor repeats the older pages.
     */
    @PostMapping("/lookup")
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "LIMIT_OUT_OF_RANGE"})
    @Refuses(status = 404, codes = "COUPON_NOT_FOUND")
    WalletView lookup(@RequestBody WalletLookup request) {
        TokenizedMedium medium = tokenizer.tokenize(request.medium());
        Instant now = clock.instant();
        int size = request.limit() == null ? WalletLookup.MAX_LIMIT : request.limit();
        Limit page = Limit.of(size + 1);
        List<HeldCoupon> held;
        if (request.olderThan() == null) {
            held = coupons.heldBy(medium.token(), page);
        } else {
            Coupon last = last(request.olderThan(), medium).coupon();
            held = coupons.heldAfter(medium.token(), last.acquiredAt(), last.id(), page);
        }
        return new WalletView(CouponView.MediumView.of(medium),
                held.stream().limit(size).map(coupon -> CouponView.of(coupon, now)).toList(), held.size() > size);
    }

    private HeldCoupon last(String code, TokenizedMedium medium) {
        return coupons.find(code, medium.token())
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "COUPON_NOT_FOUND", "olderThan",
                        "this medium holds no coupon with this code"));
    }

    @PostMapping("/cancellations")
    @Refuses(status = 400, codes = "FIELD_REQUIRED")
    @Refuses(status = 403, codes = "UNKNOWN_CHANNEL")
    @Refuses(status = 404, codes = "COUPON_NOT_FOUND")
    @Refuses(status = 409, codes = "COUPON_IN_USE")
    @Refuses(status = 422, codes = {"COUPON_ALREADY_CANCELLED", "COUPON_EXPIRED"})
    @Idempotent
    CouponView cancel(@RequestBody Cancellation request, CallerIdentity caller) {
        Channel channel = Channel.of(caller);
        TokenizedMedium medium = tokenizer.tokenize(request.medium());
        return CouponView.of(cancellation.cancel(request.couponCode(), medium, channel), clock.instant());
    }
}
