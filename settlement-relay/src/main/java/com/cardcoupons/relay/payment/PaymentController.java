package com.cardcoupons.relay.payment;

import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.platform.problem.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Credit payments for terminals, and their outcome and journal for the terminal, its merchant and platform admins.
 * A terminal sees only its own payments, a merchant only its stores'.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentFlow flow;
    private final Payments payments;
    private final SettlementJournal journal;
    private final SettlementOutbox outbox;

    PaymentController(PaymentFlow flow, Payments payments, SettlementJournal journal, SettlementOutbox outbox) {
        this.flow = flow;
        this.payments = payments;
        this.journal = journal;
        this.outbox = outbox;
    }

    /** Pays; every outcome, approved, declined or timed out, is a payment recorded under the terminal's transaction id. */
    @PostMapping
    @Idempotent
    @PermittedRoles(Role.TERMINAL)
    ResponseEntity<PaymentOutcome> pay(CallerIdentity caller, @Valid @RequestBody PaymentRequest request) {
        PaymentOutcome outcome = flow.pay(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + outcome.paymentId())).body(outcome);
    }

    @GetMapping("/{paymentId}")
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT, Role.PLATFORM_ADMIN})
    PaymentOutcome outcome(CallerIdentity caller, @PathVariable UUID paymentId) {
        return answered(visible(caller, payments.find(paymentId).orElseThrow(PaymentNotFound::new)));
    }

    /** A terminal's transaction by its own id: what became of it. Terminals may leave out their terminal id. */
    @GetMapping
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT, Role.PLATFORM_ADMIN})
    PaymentOutcome byTransaction(CallerIdentity caller, @RequestParam(required = false) UUID terminalId,
            @RequestParam String transactionId) {
        UUID terminal = terminalId != null ? terminalId : caller.terminalId();
        if (terminal == null) {
            throw new PaymentNotFound();
        }
        return answered(visible(caller, payments.findByTransaction(terminal, transactionId).orElseThrow(PaymentNotFound::new)));
    }

    @GetMapping("/{paymentId}/journal")
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT, Role.PLATFORM_ADMIN})
    PaymentJournalView journal(CallerIdentity caller, @PathVariable UUID paymentId) {
        Payments.StoredPayment payment = visible(caller, payments.find(paymentId).orElseThrow(PaymentNotFound::new));
        return PaymentJournalView.of(payment, journal.of(paymentId), outbox.unfinished(paymentId));
    }

    /** Not a 4xx: the platform records a 4xx as the final answer to an idempotency key, and this one is not final. */
    @ExceptionHandler(PaymentInProgress.class)
    ResponseEntity<ProblemDetail> inProgress(PaymentInProgress inProgress) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_IN_PROGRESS", inProgress.getMessage()));
    }

    private static Payments.StoredPayment visible(CallerIdentity caller, Payments.StoredPayment payment) {
        if (caller.is(Role.TERMINAL) && !payment.terminalId().equals(caller.terminalId())) {
            throw new PaymentNotFound();
        }
        caller.requireMerchant(payment.merchantId());
        return payment;
    }

    private static PaymentOutcome answered(Payments.StoredPayment payment) {
        if (payment.outcome() == null) {
            throw new PaymentInProgress();
        }
        return payment.outcome();
    }
}
