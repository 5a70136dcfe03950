package com.cardcoupons.gateway.credential;

import com.cardcoupons.gateway.authentication.AuthenticatedCaller;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The credentials admin API, for platform administrators only (the gateway's access policy sees to that):
 * issue a key (its secret is shown once), list and read credentials, rotate a key's secret, revoke a key. Issuing and
 * rotating take an {@code Idempotency-Key} ({@link KeyedCalls}), so a retry after a lost answer gets that answer.
 */
@RestController
@RequestMapping("/api/v1/credentials")
@Tag(name = "Credentials", description = "API keys of terminals, merchants, approvers, consumer channels and admins")
class CredentialsController {

    private final Credentials credentials;
    private final KnownCredentials known;
    private final KeyHolders holders;
    private final CredentialProperties properties;
    private final KeyedCalls keyedCalls;

    CredentialsController(Credentials credentials, KnownCredentials known, KeyHolders holders,
            CredentialProperties properties, KeyedCalls keyedCalls) {
        this.credentials = credentials;
        this.known = known;
        this.holders = holders;
        this.properties = properties;
        this.keyedCalls = keyedCalls;
    }

    @PostMapping
    @Idempotent
    @Operation(summary = "Issue a credential; the API key in the answer is shown this once only, and to a retry "
            + "with the same Idempotency-Key within the replay window")
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Issued, with its API key")
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "UNEXPECTED_FIELD"})
    @Refuses(status = 422, codes = {"UNKNOWN_TERMINAL", "UNKNOWN_MERCHANT", "TERMINAL_NOT_ACTIVE", "MERCHANT_CLOSED"})
    ResponseEntity<IssuedCredential> issue(@Valid @RequestBody IssueCredentialRequest request,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String idempotencyKey,
            @RequestAttribute(AuthenticatedCaller.ATTRIBUTE) CallerIdentity admin) {
        return keyedCalls.once(admin, idempotencyKey, "POST /api/v1/credentials", request, IssuedCredential.class, () -> {
            Credential.Binding binding = bindingFor(request);
            ApiKey key = ApiKey.generate(request.kind());
            Credential credential = Credential.issue(key, request.kind(), request.label(), binding, admin.principal(), Instant.now());
            credentials.persist(credential);
            return ResponseEntity.created(URI.create("/api/v1/credentials/" + credential.id()))
                    .body(IssuedCredential.of(new BoundCredential(credential, binding.holder()), key));
        });
    }

    @GetMapping
    @Operation(summary = "List credentials, optionally of one kind or status")
    List<CredentialView> list(@RequestParam(required = false) Role kind,
            @RequestParam(required = false) Credential.Status status) {
        List<Credential> listed = credentials.list(kind, status);
        Map<String, KeyHolder> holderOf = holders.of(listed);
        return listed.stream().map(credential -> CredentialView.of(new BoundCredential(credential, holderOf.get(credential.id()))))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a credential (never its secret)")
    @Refuses(status = 404, codes = "CREDENTIAL_NOT_FOUND")
    CredentialView read(@PathVariable String id) {
        return CredentialView.of(bound(credentials.find(id).orElseThrow(() -> new CredentialNotFound(id))));
    }

    @PostMapping("/{id}/rotation")
    @Idempotent
    @Operation(summary = "Give a credential a new secret; the old one stops at once, or after the overlap asked for. "
            + "A terminal or merchant key whose terminal or merchant may no longer act gets none")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "Rotated, with its new API key")
    @Refuses(status = 400, codes = "OVERLAP_TOO_LONG")
    @Refuses(status = 404, codes = "CREDENTIAL_NOT_FOUND")
    @Refuses(status = 409, codes = "CREDENTIAL_REVOKED")
    @Refuses(status = 422, codes = {"TERMINAL_NOT_ACTIVE", "MERCHANT_CLOSED"})
    ResponseEntity<IssuedCredential> rotate(@PathVariable String id,
            @Valid @RequestBody(required = false) RotateCredentialRequest request,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String idempotencyKey,
            @RequestAttribute(AuthenticatedCaller.ATTRIBUTE) CallerIdentity admin) {
        Duration overlap = request == null ? Duration.ZERO : request.overlap();
        if (overlap.compareTo(properties.maxRotationOverlap()) > 0) {
            throw DomainException.invalid("OVERLAP_TOO_LONG", "overlapSeconds",
                    "the previous secret may overlap for at most " + properties.maxRotationOverlap().toSeconds() + " seconds");
        }
        return keyedCalls.once(admin, idempotencyKey, "POST /api/v1/credentials/" + id + "/rotation",
                new RotateCredentialRequest(overlap.toSeconds()), IssuedCredential.class, () -> {
                    IssuedCredential rotated = credentials.change(id, credential -> {
                        ApiKey key = credential.rotate(holders.of(credential).orElse(null), overlap, Instant.now());
                        return IssuedCredential.of(bound(credential), key);
                    });
                    // every instance forgets it when PostgreSQL announces the change; this one need not wait for that
                    known.forget(id);
                    return ResponseEntity.ok(rotated);
                });
    }

    /**
     * Needs no Idempotency-Key: revoking is idempotent by nature. A retry after a lost answer finds the key revoked,
     * changes nothing, and answers {@code 409 CREDENTIAL_REVOKED}; the credential it names reads as revoked.
     */
    @PostMapping("/{id}/revocation")
    @Operation(summary = "Revoke a credential; it stops working on the next request. A retry changes nothing "
            + "and is answered 409 CREDENTIAL_REVOKED")
    @Refuses(status = 404, codes = "CREDENTIAL_NOT_FOUND")
    @Refuses(status = 409, codes = "CREDENTIAL_REVOKED")
    CredentialView revoke(@PathVariable String id, @RequestAttribute(AuthenticatedCaller.ATTRIBUTE) CallerIdentity admin) {
        CredentialView revoked = credentials.change(id, credential -> {
            credential.revoke(admin.principal(), Instant.now());
            return CredentialView.of(bound(credential));
        });
        known.forget(id);
        return revoked;
    }

    private BoundCredential bound(Credential credential) {
        return new BoundCredential(credential, holders.of(credential).orElse(null));
    }

    private Credential.Binding bindingFor(IssueCredentialRequest request) {
        request.requireConsistentBinding();
        return switch (request.kind()) {
            case TERMINAL -> Credential.Binding.holder(holders.terminal(request.terminalId())
                    .orElseThrow(() -> new DomainException(DomainException.Kind.UNPROCESSABLE, "UNKNOWN_TERMINAL",
                            "terminalId", "no terminal " + request.terminalId())));
            case MERCHANT -> Credential.Binding.holder(holders.merchant(request.merchantId())
                    .orElseThrow(() -> new DomainException(DomainException.Kind.UNPROCESSABLE, "UNKNOWN_MERCHANT",
                            "merchantId", "no merchant " + request.merchantId())));
            case CONSUMER_CHANNEL -> Credential.Binding.channel(request.channel());
            case APPROVER, PLATFORM_ADMIN -> Credential.Binding.NONE;
        };
    }
}
