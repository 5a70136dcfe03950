package com.cardcoupons.registration.webhook;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Merchants register, change, rotate and delete their own webhook endpoints and read their delivery logs; operators
 * may do so for any merchant. Another merchant's endpoint is not found. A secret is answered when it is made, at
 * creation and on rotation, and never again.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@PermittedRoles({Role.MERCHANT, Role.PLATFORM_ADMIN})
class WebhookController {

    private static final int MAX_LOG = 200;

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HostResolver resolver;

    WebhookController(Endpoints endpoints, Deliveries deliveries, SecretBox secrets, WebhookProperties properties,
            JdbcClient jdbc, Clock clock, HostResolver resolver) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.resolver = resolver;
    }

    @GetMapping("/event-types")
    WebhookRequests.WebhookEventTypes eventTypes() {
        return new WebhookRequests.WebhookEventTypes(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    @PostMapping("/endpoints")
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Registered; the secret is shown this once")
    @Refuses(status = 400, codes = {"FIELD_REQUIRED", "TOO_LONG", "INVALID_URL", "WEBHOOK_URL_NOT_HTTPS", "WEBHOOK_URL_NOT_PUBLIC",
            "WEBHOOK_URL_PORT_NOT_ALLOWED",
            "UNKNOWN_EVENT_TYPE", "DUPLICATE_VALUE", "TOO_MANY_VALUES"})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 422, codes = {"UNKNOWN_MERCHANT", "MERCHANT_CLOSED"})
    ResponseEntity<WebhookRequests.WebhookEndpointView> register(@RequestBody WebhookRequests.NewWebhookEndpoint request,
            CallerIdentity caller) {
        UUID merchantId = owningMerchant(request.merchantId(), caller);
        EndpointUrl url = EndpointUrl.parse(request.url(), properties.allowLoopbackHttp(), resolver);
        List<String> types = WebhookRequests.eventTypes(request.eventTypes());
        String description = WebhookRequests.description(request.description());
        requireActiveMerchant(merchantId);
        Instant now = clock.instant();
        String secret = SecretBox.newSecret();
        Endpoint endpoint = new Endpoint(UUID.randomUUID(), merchantId, url.toString(), types, description,
                secrets.seal(secret), null, null, now, now);
        endpoints.add(endpoint);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + endpoint.id()))
                .body(WebhookRequests.WebhookEndpointView.of(endpoint, now, secret));
    }

    /** A merchant's own endpoints; an operator's of every merchant, or of the one named. */
    @GetMapping("/endpoints")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    WebhookRequests.WebhookEndpointList list(@RequestParam(required = false) UUID merchantId, CallerIdentity caller) {
        if (merchantId != null) {
            caller.requireMerchant(merchantId);
        }
        UUID merchant = caller.is(Role.MERCHANT) ? caller.merchantId() : merchantId;
        Instant now = clock.instant();
        return new WebhookRequests.WebhookEndpointList(endpoints.list(merchant).stream()
                .map(endpoint -> WebhookRequests.WebhookEndpointView.of(endpoint, now)).toList());
    }

    @GetMapping("/endpoints/{endpointId}")
    @Refuses(status = 404, codes = "WEBHOOK_ENDPOINT_NOT_FOUND")
    WebhookRequests.WebhookEndpointView read(@PathVariable UUID endpointId, CallerIdentity caller) {
        return WebhookRequests.WebhookEndpointView.of(visible(endpoints.find(endpointId).orElse(null), caller), clock.instant());
    }

    @PatchMapping("/endpoints/{endpointId}")
    @Idempotent
    @Refuses(status = 400, codes = {"TOO_LONG", "INVALID_URL", "WEBHOOK_URL_NOT_HTTPS", "WEBHOOK_URL_NOT_PUBLIC",
            "WEBHOOK_URL_PORT_NOT_ALLOWED", "FIELD_REQUIRED",
            "UNKNOWN_EVENT_TYPE", "DUPLICATE_VALUE", "TOO_MANY_VALUES"})
    @Refuses(status = 404, codes = "WEBHOOK_ENDPOINT_NOT_FOUND")
    WebhookRequests.WebhookEndpointView update(@PathVariable UUID endpointId, @RequestBody WebhookRequests.WebhookEndpointChange change,
            CallerIdentity caller) {
        // resolved before the row is locked: no lock held across a DNS lookup
        EndpointUrl changed = change.url() == null ? null : EndpointUrl.parse(change.url(), properties.allowLoopbackHttp(), resolver);
        Endpoint endpoint = visible(endpoints.findLocked(endpointId).orElse(null), caller);
        String url = changed == null ? endpoint.url() : changed.toString();
        List<String> types = change.eventTypes() == null ? endpoint.eventTypes() : WebhookRequests.eventTypes(change.eventTypes());
        String description = change.description() == null ? endpoint.description() : WebhookRequests.description(change.description());
        Instant now = clock.instant();
        endpoints.update(endpointId, url, types, description, now);
        return WebhookRequests.WebhookEndpointView.of(endpoints.find(endpointId).orElseThrow(), now);
    }

    /** Deleted: it gets no new deliveries, and those still pending are failed when they come due. */
    @DeleteMapping("/endpoints/{endpointId}")
    @Idempotent
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Refuses(status = 404, codes = "WEBHOOK_ENDPOINT_NOT_FOUND")
    ResponseEntity<Void> delete(@PathVariable UUID endpointId, CallerIdentity caller) {
        visible(endpoints.findLocked(endpointId).orElse(null), caller);
        endpoints.delete(endpointId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    /**
     * A new secret signs from now on; the one it replaces signs too (a second {@code v1}) until the grace period ends,
     * so receivers can switch without dropping a delivery.
     */
    @PostMapping("/endpoints/{endpointId}/rotate-secret")
    @Idempotent
    @Refuses(status = 404, codes = "WEBHOOK_ENDPOINT_NOT_FOUND")
    WebhookRequests.WebhookEndpointView rotateSecret(@PathVariable UUID endpointId, CallerIdentity caller) {
        Endpoint endpoint = visible(endpoints.findLocked(endpointId).orElse(null), caller);
        Instant now = clock.instant();
        String secret = SecretBox.newSecret();
        endpoints.rotate(endpointId, secrets.seal(secret), endpoint.secret(), now.plus(properties.rotationGrace()), now);
        return WebhookRequests.WebhookEndpointView.of(endpoints.find(endpointId).orElseThrow(), now, secret);
    }

    @GetMapping("/endpoints/{endpointId}/deliveries")
    @Refuses(status = 400, codes = "INVALID_PARAMETER")
    @Refuses(status = 404, codes = "WEBHOOK_ENDPOINT_NOT_FOUND")
    WebhookDeliveryLog deliveries(@PathVariable UUID endpointId, @RequestParam(required = false) DeliveryState state,
            @RequestParam(defaultValue = "50") int limit, CallerIdentity caller) {
        visible(endpoints.find(endpointId).orElse(null), caller);
        if (limit < 1 || limit > MAX_LOG) {
            throw DomainException.invalid("INVALID_PARAMETER", "limit", "limit must be between 1 and " + MAX_LOG);
        }
        return new WebhookDeliveryLog(endpointId, deliveries.log(endpointId, state, limit));
    }

    /** A failed delivery is sent again, as soon as the dispatcher polls, and retried as a new one would be. */
    @PostMapping("/endpoints/{endpointId}/deliveries/{deliveryId}/redeliver")
    @Idempotent
    @ApiResponse(responseCode = "202", description = "Due again")
    @Refuses(status = 404, codes = {"WEBHOOK_ENDPOINT_NOT_FOUND", "WEBHOOK_DELIVERY_NOT_FOUND"})
    @Refuses(status = 409, codes = "DELIVERY_NOT_FAILED")
    ResponseEntity<Void> redeliver(@PathVariable UUID endpointId, @PathVariable UUID deliveryId, CallerIdentity caller) {
        visible(endpoints.find(endpointId).orElse(null), caller);
        if (!deliveries.redeliver(endpointId, deliveryId, clock.instant(), properties.maxAge())) {
            DeliveryState state = deliveries.stateOf(endpointId, deliveryId).orElseThrow(() ->
                    DomainException.notFound("WEBHOOK_DELIVERY_NOT_FOUND", "the endpoint has no such delivery"));
            throw DomainException.conflict("DELIVERY_NOT_FAILED", "only a failed delivery is redelivered; this one is " + state);
        }
        return ResponseEntity.accepted().build();
    }

    /** Another merchant's endpoint is not found, as if it did not exist. */
    private static Endpoint visible(Endpoint endpoint, CallerIdentity caller) {
        if (endpoint == null || (caller.is(Role.MERCHANT) && !endpoint.merchantId().equals(caller.merchantId()))) {
            throw DomainException.notFound("WEBHOOK_ENDPOINT_NOT_FOUND", "no such webhook endpoint");
        }
        return endpoint;
    }

    private static UUID owningMerchant(UUID requested, CallerIdentity caller) {
        if (caller.is(Role.MERCHANT)) {
            if (requested != null) {
                caller.requireMerchant(requested);
            }
            return caller.merchantId();
        }
        if (requested == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "merchantId", "an operator names the merchant the endpoint is for");
        }
        return requested;
    }

    private void requireActiveMerchant(UUID merchantId) {
        String status = jdbc.sql("select status from merchant where id = ? for share").param(merchantId)
                .query(String.class).optional()
                .orElseThrow(() -> new DomainException(Kind.UNPROCESSABLE, "UNKNOWN_MERCHANT", "merchantId", "no such merchant"));
        if (!status.equals("ACTIVE")) {
            throw new DomainException(Kind.UNPROCESSABLE, "MERCHANT_CLOSED", "merchantId", "the merchant is closed");
        }
    }
}
