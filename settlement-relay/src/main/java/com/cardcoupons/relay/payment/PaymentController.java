package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.platform.problem.Problems;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.relay.settlement.SettlementCenterUnavailable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Credit payments for terminals; their outcome and journal for the terminal that paid and for its merchant. A
 * terminal sees only its own payments, a merchant only its own merchant's; nobody else sees any.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private static final String REPLAYED = "Idempotency-Replayed";

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

    /**
     * Pays; every outcome, approved, declined or timed out, is a payment recorded under the terminal's transaction id
     * and idempotency key. A repeat of a payment gets its answer, marked {@code Idempotency-Replayed}.
     */
    @PostMapping
    @PermittedRoles(Role.TERMINAL)
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
            description = "The payment's outcome: approved (at the discounted price when a coupon applied), declined or not answered")
    @Refuses(status = 400, codes = {"IDEMPOTENCY_KEY_REQUIRED", "INVALID_IDEMPOTENCY_KEY", "NOT_A_PAYMENT_CARD",
            "AMOUNT_NOT_POSITIVE", "CURRENCY_MISMATCH", "CARD_NUMBER_REQUIRED", "INVALID_CARD_NUMBER", "CARD_NUMBER_FAILS_LUHN"})
    @Refuses(status = 403, codes = "OTHER_TERMINAL")
    @Refuses(status = 422, codes = {"IDEMPOTENCY_KEY_REUSED", "TRANSACTION_ID_REUSED"})
    @Refuses(status = 503, codes = {"PAYMENT_IN_PROGRESS", "SETTLEMENT_CENTER_UNAVAILABLE"})
    ResponseEntity<PaymentOutcome> pay(CallerIdentity caller,
            @Parameter(required = true, description = "The terminal's key for this payment, sent again on every retry")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PaymentRequest request) {
        PaymentFlow.Answer answer = flow.pay(caller, new IdempotencyKey(idempotencyKey), request);
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/payments/" + answer.outcome().paymentId()));
        if (answer.replayed()) {
            created.header(REPLAYED, "true");
        }
        return created.body(answer.outcome());
    }

    @GetMapping("/{paymentId}")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "PAYMENT_NOT_FOUND")
    @Refuses(status = 503, codes = "PAYMENT_IN_PROGRESS")
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT})
    PaymentOutcome outcome(CallerIdentity caller, @PathVariable UUID paymentId) {
        return answered(visible(caller, payments.find(paymentId).orElseThrow(PaymentNotFound::new)));
    }

    /** A terminal's transaction by its own id: what became of it. Terminals may leave out their terminal id. */
    @GetMapping
    @Refuses(status = 400, codes = "PARAMETER_REQUIRED")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "PAYMENT_NOT_FOUND")
    @Refuses(status = 503, codes = "PAYMENT_IN_PROGRESS")
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT})
    PaymentOutcome byTransaction(CallerIdentity caller, @RequestParam(required = false) UUID terminalId,
            @RequestParam String transactionId) {
        UUID terminal = terminalId != null ? terminalId : caller.terminalId();
        if (terminal == null) {
            throw DomainException.invalid("PARAMETER_REQUIRED", "terminalId", "a merchant names the terminal of the transaction");
        }
        return answered(visible(caller, payments.findByTransaction(terminal, transactionId)
                .orElseThrow(PaymentNotFound::new)));
    }

    @GetMapping("/{paymentId}/journal")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "PAYMENT_NOT_FOUND")
    @PermittedRoles({Role.TERMINAL, Role.MERCHANT})
    PaymentJournalView journal(CallerIdentity caller, @PathVariable UUID paymentId) {
        Payment payment = visible(caller, payments.find(paymentId).orElseThrow(PaymentNotFound::new));
        // counted before the journal is read: a follow-up finishes in one commit with its journal entry, so none
        // counted as done can be missing from the journal read after
        long pending = outbox.countOfPayment(paymentId, List.of(FollowUpState.ARMED, FollowUpState.PENDING));
        return PaymentJournalView.of(payment, journal.ofPayment(paymentId), pending);
    }

    /** The link to the settlement center is down: nothing was done, and the same payment may be sent again later. */
    @ExceptionHandler(SettlementCenterUnavailable.class)
    ResponseEntity<ProblemDetail> settlementCenterUnavailable(SettlementCenterUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SETTLEMENT_CENTER_UNAVAILABLE", unavailable.getMessage()));
    }

    /** Not final, so not a 4xx: the retry is to come back for the answer. */
    @ExceptionHandler(PaymentInProgress.class)
    ResponseEntity<ProblemDetail> inProgress(PaymentInProgress inProgress) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_IN_PROGRESS", inProgress.getMessage()));
    }

    /** A terminal sees its own payments (another's are not found); a merchant its own merchant's. */
    private static Payment visible(CallerIdentity caller, Payment payment) {
        if (caller.is(Role.TERMINAL) && !payment.terminalId().equals(caller.terminalId())) {
            throw new PaymentNotFound();
        }
        caller.requireMerchant(payment.merchantId());
        return payment;
    }

    private static PaymentOutcome answered(Payment payment) {
        return payment.outcome().orElseThrow(PaymentInProgress::new);
    }
}
