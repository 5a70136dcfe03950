package com.cardcoupons.registration.merchant;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operators open and change a merchant's stores; a merchant reads its own. */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/stores")
class StoreController {

    private final MerchantAccounts merchants;
    private final Stores stores;
    private final AuditTrail audit;
    private final Clock clock;

    StoreController(MerchantAccounts merchants, Stores stores, AuditTrail audit, Clock clock) {
        this.merchants = merchants;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Opened")
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG", "INVALID_CODE", "UNKNOWN_TIME_ZONE", "INVALID_MCC", "UNKNOWN_COUNTRY"})
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    @Refuses(status = 409, codes = {"STORE_CODE_TAKEN", "STORE_EXISTS"})
    @Refuses(status = 422, codes = "MERCHANT_CLOSED")
    ResponseEntity<StoreView> open(@PathVariable UUID merchantId, @RequestBody NewStore request, CallerIdentity caller) {
        Instant now = clock.instant();
        Store.Details details = Store.Details.checked(request.name(), request.address(), request.timeZone(), request.mcc());
        Merchant merchant = merchants.lock(merchantId);
        Store store = Store.open(request.id() == null ? UUID.randomUUID() : request.id(), merchant, request.code(), details, now);
        stores.add(store);
        audit.record(merchantId, Subject.STORE, store.id(), Action.CREATED, Actor.of(caller), store.snapshot(), now);
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + merchantId + "/stores/" + store.id()))
                .body(StoreView.of(store));
    }

    @GetMapping
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "MERCHANT_NOT_FOUND")
    StoreList list(@PathVariable UUID merchantId, CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        merchants.findById(merchantId).orElseThrow(MerchantAccounts::notFound);
        return new StoreList(stores.findByMerchantIdOrderByCode(merchantId).stream().map(StoreView::of).toList());
    }

    @GetMapping("/{storeId}")
    @PermittedRoles({Role.PLATFORM_ADMIN, Role.MERCHANT})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "STORE_NOT_FOUND")
    StoreView read(@PathVariable UUID merchantId, @PathVariable UUID storeId, CallerIdentity caller) {
        caller.requireMerchant(merchantId);
        return StoreView.of(stores.of(merchantId, storeId));
    }

    /** Replaces the store's name, address, time zone and category; its code stays. */
    @PutMapping("/{storeId}")
    @Idempotent
    @PermittedRoles(Role.PLATFORM_ADMIN)
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG", "INVALID_CODE", "UNKNOWN_TIME_ZONE", "INVALID_MCC", "UNKNOWN_COUNTRY"})
    @Refuses(status = 404, codes = {"MERCHANT_NOT_FOUND", "STORE_NOT_FOUND"})
    @Refuses(status = 422, codes = "MERCHANT_CLOSED")
    StoreView update(@PathVariable UUID merchantId, @PathVariable UUID storeId, @RequestBody StoreUpdate request,
                     CallerIdentity caller) {
        Instant now = clock.instant();
        Store.Details details = Store.Details.checked(request.name(), request.address(), request.timeZone(), request.mcc());
        Merchant merchant = merchants.lock(merchantId);
        Store store = stores.of(merchantId, storeId);
        Change change = store.update(merchant, details, now);
        if (!change.isEmpty()) {
            audit.record(merchantId, Subject.STORE, storeId, Action.UPDATED, Actor.of(caller), change.fields(), now);
        }
        return StoreView.of(store);
    }

    /** A new store; {@code id} may be given (carried over from another system), else one is assigned. */
    record NewStore(UUID id, String code, String name, Address address, String timeZone, String mcc) {
    }

    record StoreUpdate(String name, Address address, String timeZone, String mcc) {
    }

    record StoreList(List<StoreView> stores) {
    }
}
