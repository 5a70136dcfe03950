package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.terminal.CouponSearchRequest;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The terminal's question at the till: which of this medium's coupons can be used for this purchase? */
@RestController
@RequestMapping("/api/v1/searches")
class SearchController {

    private final CouponSearch search;

    SearchController(CouponSearch search) {
        this.search = search;
    }

    /**
     * A search changes nothing, so it needs no Idempotency-Key; one sent with it gets its answer recorded and replayed,
     * as every keyed call's is, with the card searched for (coupon-server keeps its outcomes per card).
     */
    @PostMapping
    @Refuses(status = 400, codes = {"OCCURRED_AT_OUT_OF_RANGE", "CURRENCY_MISMATCH", "AMOUNT_TOO_LARGE", "BASKET_EXCEEDS_AMOUNT"})
    @Refuses(status = 403, codes = "INTENDED_USE_NOT_CALLER")
    @Refuses(status = 422, codes = "UNKNOWN_STORE")
    @PermittedRoles(Role.TERMINAL)
    CouponSearchResponse search(@Valid @RequestBody CouponSearchRequest request, CallerIdentity caller,
            HttpServletRequest http) {
        CouponSearch.Result result = search.search(Till.of(caller), request);
        IdempotentCall keyed = IdempotentCall.of(http);
        if (keyed != null) {
            keyed.concerns(result.card().value());
        }
        return SearchAnswer.of(result, request.explain());
    }
}
