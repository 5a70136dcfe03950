package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.terminal.ReservationRequest;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.model.terminal.ReversalRequest;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Two-phase use for payment flows: reserve, then confirm or release; reversal of a confirmed use; look-ups. */
@RestController
@RequestMapping("/api/v1/reservations")
@PermittedRoles(Role.TERMINAL)
class ReservationController {

    private final UseApproval useApproval;

    ReservationController(UseApproval useApproval) {
        this.useApproval = useApproval;
    }

    @PostMapping
    @Idempotent(recordsItsOwnOutcome = true)
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The coupons are held for the purchase")
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
    ResponseEntity<ReservationResponse> reserve(@Valid @RequestBody ReservationRequest request, CallerIdentity caller,
            IdempotentCall call) {
        ReservationResponse reserved = useApproval.reserve(Till.of(caller), request, false, call);
        return ResponseEntity.created(ReservationAnswer.location(reserved.reservationId())).body(reserved);
    }

    @GetMapping("/{reservationId}")
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "RESERVATION_NOT_FOUND")
    ReservationResponse find(@PathVariable UUID reservationId, CallerIdentity caller) {
        return useApproval.find(Till.of(caller), reservationId);
    }

    /** The calling terminal's latest reservation for one of its transactions. */
    @GetMapping
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "RESERVATION_NOT_FOUND")
    ReservationResponse findByTransaction(@RequestParam @NotBlank @Size(max = 64) String transactionId,
            CallerIdentity caller) {
        return useApproval.findByTransaction(Till.of(caller), transactionId);
    }

    @PostMapping("/{reservationId}/confirm")
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "RESERVATION_NOT_FOUND")
    @Refuses(status = 409, codes = {"RESERVATION_NOT_HELD", "RESERVATION_EXPIRED", "RESERVATION_CONFIRMED",
            "RESERVATION_NOT_CONFIRMED", "ALREADY_REVERSED"})
    @Idempotent
    ReservationResponse confirm(@PathVariable UUID reservationId, CallerIdentity caller, IdempotentCall call) {
        return useApproval.confirm(Till.of(caller), reservationId, call);
    }

    @PostMapping("/{reservationId}/release")
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "RESERVATION_NOT_FOUND")
    @Refuses(status = 409, codes = {"RESERVATION_NOT_HELD", "RESERVATION_EXPIRED", "RESERVATION_CONFIRMED",
            "RESERVATION_NOT_CONFIRMED", "ALREADY_REVERSED"})
    @Idempotent
    ReservationResponse release(@PathVariable UUID reservationId, CallerIdentity caller, IdempotentCall call) {
        return useApproval.release(Till.of(caller), reservationId, call);
    }

    @PostMapping("/{reservationId}/reversal")
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 404, codes = "RESERVATION_NOT_FOUND")
    @Refuses(status = 409, codes = {"RESERVATION_NOT_HELD", "RESERVATION_EXPIRED", "RESERVATION_CONFIRMED",
            "RESERVATION_NOT_CONFIRMED", "ALREADY_REVERSED"})
    @Refuses(status = 422, codes = "COUPON_NOT_IN_RESERVATION")
    @Idempotent
    ReservationResponse reverse(@PathVariable UUID reservationId, @Valid @RequestBody ReversalRequest request,
            CallerIdentity caller, IdempotentCall call) {
        return useApproval.reverse(Till.of(caller), reservationId, request, call);
    }
}
