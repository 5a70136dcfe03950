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
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
 * Operators onboard, rename and close merchants; a merchant reads only itself and its own audit trail. Closing a
 * merchant decommissions its terminals in the same transaction, and is refused while it has campaigns that are
 * awaiting approval, approved or suspended: end them first.
 */
@RestController
@RequestMapping("/api/v1/merchants")
class MerchantController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_AUDIT_LIMIT = 500;

    private final MerchantAccounts merchants;
    private final Terminals terminals;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    MerchantController(MerchantAccounts merchants, Terminals terminals, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.merchants = merchants;
        this.terminals = terminals;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Onboarded, active")
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG"})
    @Refuses(status = 409, codes = "MERCHANT_EXISTS")
    ResponseEntity<MerchantView> onboard(@RequestBody NewMerchant request, CallerIdentity caller) {
        Instant now = clock.instant();
        Merchant merchant = Merchant.onboard(request.id() == null ? UUID.randomUUID() : request.id(), request.name(), now);
        merchants.add(merchant);
        audit.record(merchant.id(), Subject.MERCHANT, merchant.id(), Action.CREATED, Actor.of(caller), merchant.snapshot(), now);
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + merchant.id())).body(MerchantView.of(merchant));
    }

    /** Operators list every merchant, or those in one status; a merchant finds only itself. */
    @GetMapping
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 400, codes = "INVALID_PARAMETER")
    MerchantPage list(@RequestParam(required = false) MerchantStatus status,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size,
                      CallerIdentity caller) {
        if (page < 0) {
            throw DomainException.invalid("INVALID_PARAMETER", "page", "page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("INVALID_PARAMETER", "size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (caller.is(Role.MERCHANT)) {
            List<MerchantView> itself = merchants.findById(caller.merchantId())
                    .filter(merchant -> page == 0 && (status == null || merchant.status() == status))
                    .map(MerchantView::of).stream().toList();
            return new MerchantPage(itself, page, size, false);
        }
        Slice<Merchant> found = merchants.list(status, PageRequest.of(page, size));
        return new MerchantPage(found.getContent().stream().map(MerchantView::of).toList(), page, size, found.hasNext());
    }

    @GetMapping("/{merchantId}")
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    MerchantView read(@PathVariable UUID merchantId, CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        return MerchantView.of(merchants.findById(merchantId).orElseThrow(MerchantAccounts::notFound));
    }

    @PutMapping("/{merchantId}")
    @Idempotent
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG"})
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    @Refuses(status = 422, codes = "MERCHANT_CLOSED")
    MerchantView update(@PathVariable UUID merchantId, @RequestBody MerchantUpdate request, CallerIdentity caller) {
        Instant now = clock.instant();
        Merchant merchant = merchants.lock(merchantId);
        Change change = merchant.rename(request.name(), now);
        if (!change.isEmpty()) {
            audit.record(merchantId, Subject.MERCHANT, merchantId, Action.UPDATED, Actor.of(caller), change.fields(), now);
        }
        return MerchantView.of(merchant);
    }

    @PostMapping("/{merchantId}/closure")
    @Idempotent
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG"})
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    @Refuses(status = 409, codes = "MERCHANT_HAS_OPEN_CAMPAIGNS")
    @Refuses(status = 422, codes = "MERCHANT_CLOSED")
    MerchantView close(@PathVariable UUID merchantId, @RequestBody Closure request, CallerIdentity caller) {
        Instant now = clock.instant();
        Actor actor = Actor.of(caller);
        Merchant merchant = merchants.lock(merchantId);
        // campaign submissions read the merchant's row for share, so none can slip in between this count and the close
        long open = jdbc.sql("""
                        select count(*) from campaign
                         where merchant_id = ? and state in ('PENDING_APPROVAL', 'APPROVED', 'SUSPENDED')""")
                .param(merchantId).query(Long.class).single();
        merchant.close(request.reason(), open, now);
        for (Terminal terminal : terminals.findByMerchantIdAndStatus(merchantId, TerminalStatus.ACTIVE)) {
            terminal.decommission(now);
            audit.record(merchantId, Subject.TERMINAL, terminal.id(), Action.DECOMMISSIONED, actor,
                    Map.of("status", terminal.status(), "reason", "merchant closed"), now);
        }
        audit.record(merchantId, Subject.MERCHANT, merchantId, Action.CLOSED, actor,
                Map.of("status", merchant.status(), "reason", merchant.closeReason()), now);
        return MerchantView.of(merchant);
    }

    /** Who changed what of the merchant, its stores and terminals, and when: newest first. */
    @GetMapping("/{merchantId}/audit")
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 400, codes = "INVALID_PARAMETER")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    AuditView audit(@PathVariable UUID merchantId,
                    @RequestParam(required = false) Long before,
                    @RequestParam(defaultValue = "100") int limit,
                    CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
            throw DomainException.invalid("INVALID_PARAMETER", "limit", "limit must be between 1 and " + MAX_AUDIT_LIMIT);
        }
        merchants.findById(merchantId).orElseThrow(MerchantAccounts::notFound);
        List<AuditEntry> entries = audit.page(merchantId, before, Limit.of(limit + 1));
        return new AuditView(entries.stream().limit(limit).map(AuditView.Entry::of).toList(), entries.size() > limit);
    }

    /** A new merchant; {@code id} may be given (carried over from another system), else one is assigned. */
    record NewMerchant(UUID id, String name) {
    }

    record MerchantUpdate(String name) {
    }

    record Closure(String reason) {
    }

    record MerchantPage(List<MerchantView> merchants, int page, int size, boolean hasMore) {
    }
}
