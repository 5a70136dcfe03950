package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.terminal.CouponSearchRequest;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
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

    @PostMapping
    @PermittedRoles(Role.TERMINAL)
    CouponSearchResponse search(@Valid @RequestBody CouponSearchRequest request, CallerIdentity caller) {
        return SearchAnswer.of(search.search(Till.of(caller), request), request.explain());
    }
}
