package com.cardcoupons.registration.webhook;

import com.cardcoupons.model.problem.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the webhook API takes and answers. */
final class WebhookRequests {

    private static final int MAX_DESCRIPTION = 200;

    private WebhookRequests() {
    }

    /** A new endpoint: an operator names the merchant; a merchant's own is implied. */
    record NewWebhookEndpoint(UUID merchantId, String url, List<String> eventTypes, String description) {
    }

    /** A change: each field given replaces the endpoint's; those left out stay. */
    record WebhookEndpointChange(String url, List<String> eventTypes, String description) {
    }

    /** An endpoint as answered; {@code secret} only when it was just created or rotated, never again. */
    record WebhookEndpointView(UUID id, UUID merchantId, String url, List<String> eventTypes, String description,
            Instant createdAt, Instant updatedAt, Instant previousSecretValidUntil, String secret) {

        static WebhookEndpointView of(Endpoint endpoint, Instant now) {
            return of(endpoint, now, null);
        }

        static WebhookEndpointView of(Endpoint endpoint, Instant now, String secret) {
            Instant until = endpoint.previousSecretUntil() != null && endpoint.previousSecretUntil().isAfter(now)
                    ? endpoint.previousSecretUntil() : null;
            return new WebhookEndpointView(endpoint.id(), endpoint.merchantId(), endpoint.url(), endpoint.eventTypes(),
                    endpoint.description(), endpoint.createdAt(), endpoint.updatedAt(), until, secret);
        }
    }

    record WebhookEndpointList(List<WebhookEndpointView> endpoints) {
    }

    record WebhookEventTypes(List<String> eventTypes) {
    }

    /** Known, distinct wire names, at least one. */
    static List<String> eventTypes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw DomainException.invalid("FIELD_REQUIRED", "eventTypes", "name at least one event type");
        }
        if (requested.size() > EventType.values().length) {
            throw DomainException.invalid("TOO_MANY_VALUES", "eventTypes", "more event types than there are");
        }
        Set<String> seen = new HashSet<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "eventTypes[" + i + "]";
            String name = requested.get(i);
            if (name == null || EventType.ofWireName(name).isEmpty()) {
                throw DomainException.invalid("UNKNOWN_EVENT_TYPE", field, "no such event type: " + name);
            }
            if (!seen.add(name)) {
                throw DomainException.invalid("DUPLICATE_VALUE", field, name + " is named twice");
            }
            types.add(name);
        }
        return List.copyOf(types);
    }

    static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("TOO_LONG", "description", "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return description.strip();
    }
}
