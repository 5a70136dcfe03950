package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.campaign.Actor;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.cardcoupons.registration.merchant.AuditEntry.Action;
import com.cardcoupons.registration.merchant.AuditEntry.Subject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators install terminals in a merchant's stores and decommission them; a merchant reads its own. A terminal's
 * API key is issued through the gateway's credentials API once the terminal exists.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/terminals")
class TerminalController {

    private final MerchantAccounts merchants;
    private final Stores stores;
    private final Terminals terminals;
    private final AuditTrail audit;
    private final Clock clock;

    TerminalController(MerchantAccounts merchants, Stores stores, Terminals terminals, AuditTrail audit, Clock clock) {
        this.merchants = merchants;
        this.stores = stores;
        this.terminals = terminals;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Installed, active: its key can be issued now")
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "INVALID_CODE"})
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    @Refuses(status = 409, codes = {"TERMINAL_CODE_TAKEN", "TERMINAL_EXISTS"})
    @Refuses(status = 422, codes = {"UNKNOWN_STORE", "MERCHANT_CLOSED"})
    ResponseEntity<TerminalView> install(@PathVariable UUID merchantId, @RequestBody NewTerminal request,
                                         CallerIdentity caller) {
        Instant now = clock.instant();
        Input.code(request.code(), "code");
        UUID storeId = Input.required(request.storeId(), "storeId");
        Merchant merchant = merchants.lock(merchantId);
        Store store = stores.findById(storeId).filter(found -> found.merchantId().equals(merchantId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNPROCESSABLE, "UNKNOWN_STORE", "storeId",
                        "the merchant has no such store"));
        Terminal terminal = Terminal.install(request.id() == null ? UUID.randomUUID() : request.id(), merchant, store,
                request.code(), now);
        terminals.add(terminal);
        audit.record(merchantId, Subject.TERMINAL, terminal.id(), Action.CREATED, Actor.of(caller), terminal.snapshot(), now);
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + merchantId + "/terminals/" + terminal.id()))
                .body(TerminalView.of(terminal));
    }

    @GetMapping
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 400, codes = "INVALID_PARAMETER")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    TerminalList list(@PathVariable UUID merchantId,
                      @RequestParam(required = false) UUID storeId,
                      @RequestParam(required = false) TerminalStatus status,
                      CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        merchants.findById(merchantId).orElseThrow(MerchantAccounts::notFound);
        return new TerminalList(terminals.list(merchantId, storeId, status).stream().map(TerminalView::of).toList());
    }

    @GetMapping("/{terminalId}")
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "TERMINAL_NOT_FOUND")
    TerminalView read(@PathVariable UUID merchantId, @PathVariable UUID terminalId, CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        return TerminalView.of(terminals.of(merchantId, terminalId));
    }

    /** For good: the terminal's keys stop working at the gateway on their next request. */
    @PostMapping("/{terminalId}/decommissioning")
    @Idempotent
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 404, codes = {"MERCHANT_NOT_FOUND", "TERMINAL_NOT_FOUND"})
    @Refuses(status = 422, codes = "TERMINAL_DECOMMISSIONED")
    TerminalView decommission(@PathVariable UUID merchantId, @PathVariable UUID terminalId, CallerIdentity caller) {
        Instant now = clock.instant();
        merchants.lock(merchantId);
        Terminal terminal = terminals.of(merchantId, terminalId);
        terminal.decommission(now);
        audit.record(merchantId, Subject.TERMINAL, terminalId, Action.DECOMMISSIONED, Actor.of(caller),
                Map.of("status", terminal.status()), now);
        return TerminalView.of(terminal);
    }

    /** A new terminal in one of the merchant's stores; {@code id} may be given, else one is assigned. */
    record NewTerminal(UUID id, UUID storeId, String code) {
    }

    record TerminalList(List<TerminalView> terminals) {
    }
}
