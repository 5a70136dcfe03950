package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.terminal.ReservationRequest;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Uses coupons at once, by card or by scanned barcode, when no payment flow needs a hold first. */
@RestController
@RequestMapping("/api/v1/redemptions")
@PermittedRoles(Role.TERMINAL)
class RedemptionController {

    private final UseApproval useApproval;

    RedemptionController(UseApproval useApproval) {
        this.useApproval = useApproval;
    }

    @PostMapping
    @Idempotent(recordsItsOwnOutcome = true)
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The coupons are used")
    @Refuses(status = 400, codes = {"OCCURRED_AT_OUT_OF_RANGE", "CURRENCY_MISMATCH", "AMOUNT_TOO_LARGE", "BASKET_EXCEEDS_AMOUNT"})
    @Refuses(status = 403, codes = "INTENDED_USE_NOT_CALLER")
    @Refuses(status = 422, codes = "UNKNOWN_STORE")
    @Refuses(status = 400, codes = "DUPLICATE_COUPON_CODE")
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "COUPON_NOT_FOUND")
    @Refuses(status = 409, codes = {"COUPON_USED_UP", "TRANSACTION_ALREADY_HAS_USE", "CAMPAIGN_BUDGET_EXHAUSTED",
            "DAILY_LIMIT_REACHED", "WEEKLY_LIMIT_REACHED", "MONTHLY_LIMIT_REACHED", "CARD_DAILY_LIMIT_REACHED",
            "CARD_WEEKLY_LIMIT_REACHED", "CARD_MONTHLY_LIMIT_REACHED"})
    @Refuses(status = 422, codes = {"COUPON_NOT_USABLE", "COUPON_NOT_STACKABLE", "SAME_CAMPAIGN_TWICE"})
    ResponseEntity<ReservationResponse> redeem(@Valid @RequestBody ReservationRequest request, CallerIdentity caller,
            IdempotentCall call) {
        ReservationResponse used = useApproval.reserve(Till.of(caller), request, true, call);
        return ResponseEntity.created(ReservationAnswer.location(used.reservationId())).body(used);
    }
}
