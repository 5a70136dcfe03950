package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.coupon.Channel;
import com.cardcoupons.registration.coupon.CouponView;
import com.cardcoupons.registration.coupon.Coupons;
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

    private static final int MAX_COUPONS = 200;

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

    /** A read, though a POST: the card number stays out of URLs and access logs. */
    @PostMapping("/lookup")
    WalletView lookup(@RequestBody WalletLookup request) {
        TokenizedMedium medium = tokenizer.tokenize(request.medium());
        Instant now = clock.instant();
        List<CouponView> held = coupons.heldBy(medium.token(), Limit.of(MAX_COUPONS + 1)).stream()
                .map(coupon -> CouponView.of(coupon, now))
                .toList();
        return new WalletView(CouponView.MediumView.of(medium), held.stream().limit(MAX_COUPONS).toList(),
                held.size() > MAX_COUPONS);
    }

    @PostMapping("/cancellations")
    @Idempotent
    CouponView cancel(@RequestBody Cancellation request, CallerIdentity caller) {
        Channel channel = Channel.of(caller);
        TokenizedMedium medium = tokenizer.tokenize(request.medium());
        return CouponView.of(cancellation.cancel(request.couponCode(), medium, channel), clock.instant());
    }
}
