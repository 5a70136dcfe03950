package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.terminal.ReservationRequest;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
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
    ResponseEntity<ReservationResponse> redeem(@Valid @RequestBody ReservationRequest request, CallerIdentity caller,
            IdempotentCall call) {
        ReservationResponse used = useApproval.reserve(Till.of(caller), request, true, call);
        return ResponseEntity.created(ReservationAnswer.location(used.reservationId())).body(used);
    }
}
