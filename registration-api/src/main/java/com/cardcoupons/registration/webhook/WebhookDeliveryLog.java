package com.cardcoupons.registration.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint's delivery log as the API answers it: its latest deliveries, each with every attempt. */
record WebhookDeliveryLog(UUID endpointId, List<WebhookDelivery> deliveries) {

    record WebhookDelivery(UUID id, UUID eventId, String eventType, Instant occurredAt, DeliveryState state, int attempts,
            Instant nextAttemptAt, Instant giveUpAt, String lastError, Instant finishedAt, List<WebhookAttempt> attemptLog) {

        WebhookDelivery withAttempts(List<WebhookAttempt> log) {
            return new WebhookDelivery(id, eventId, eventType, occurredAt, state, attempts, nextAttemptAt, giveUpAt, lastError,
                    finishedAt, log);
        }
    }

    /** One attempt: when, the status code or the error, and the latency in milliseconds. */
    record WebhookAttempt(Instant at, Integer statusCode, String error, long latencyMs) {
    }
}
