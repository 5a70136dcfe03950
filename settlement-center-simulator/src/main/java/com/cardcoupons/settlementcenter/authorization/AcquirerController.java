package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.fault.Faults;
import com.cardcoupons.settlementcenter.fault.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The settlement center's acquirer protocol, with whatever latency or failure the fault rules inject. */
@RestController
@RequestMapping("/acquirer/v1")
class AcquirerController {

    private final Issuer issuer;
    private final Faults faults;

    AcquirerController(Issuer issuer, Faults faults) {
        this.issuer = issuer;
        this.faults = faults;
    }

    @PostMapping("/authorizations")
    AuthorizationAnswer authorize(@Valid @RequestBody AuthorizationRequest request) {
        return faults.next(Operation.AUTHORIZE, request.amount().amountMinor()).apply(() -> issuer.authorize(request));
    }

    @PostMapping("/reversals")
    ReversalAnswer reverse(@Valid @RequestBody ReversalRequest request) {
        return faults.next(Operation.REVERSE, request.amount().amountMinor()).apply(() -> issuer.reverse(request));
    }

    @GetMapping("/authorizations/{authorizationId}")
    ResponseEntity<?> inquire(@PathVariable String authorizationId) {
        return issuer.find(authorizationId)
                .<ResponseEntity<?>>map(authorization -> ResponseEntity.ok(AuthorizationView.of(authorization)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such authorization");
                    problem.setProperty("code", "UNKNOWN_AUTHORIZATION");
                    return ResponseEntity.of(problem).build();
                });
    }
}
