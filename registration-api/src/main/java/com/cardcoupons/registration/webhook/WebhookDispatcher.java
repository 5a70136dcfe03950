package com.cardcoupons.registration.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fans the events out into deliveries and sends the due ones, on a timer: each delivery signed with its endpoint's
 * secrets, its attempt and outcome recorded in one commit after the call. No database connection is held while an
 * endpoint is called. Several dispatchers (instances of registration-api) may run: the claim's lease keeps each
 * delivery with one of them at a time, and one that stopped leaves its claimed deliveries to the others when the
 * lease runs out.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Deliveries deliveries;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final RetryPolicy retries;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(Deliveries deliveries, SecretBox secrets, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.properties = properties;
        this.retries = properties.retryPolicy();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${coupons.webhooks.poll-interval}", initialDelayString = "${coupons.webhooks.poll-interval}")
    void dispatchDue() {
        try {
            deliveries.fanOut(clock.instant(), properties.ingestWindow(), properties.maxAge());
            List<Deliveries.Claimed> due;
            do {
                due = deliveries.claimDue(properties.batchSize(), clock.instant(), properties.lease());
                due.forEach(this::send);
            } while (due.size() == properties.batchSize());
        } catch (RuntimeException unexpected) {
            // claimed deliveries come back when their lease runs out; nothing is lost
            log.error("webhook dispatch failed; it is tried again at the next poll", unexpected);
        }
    }

    private void send(Deliveries.Claimed delivery) {
        Instant start = clock.instant();
        if (delivery.endpointDeleted()) {
            deliveries.finish(delivery, new Attempt(start, null, "endpoint deleted", Duration.ZERO), DeliveryState.FAILED, null);
            return;
        }
        Attempt attempt = call(delivery, start);
        if (attempt.acknowledged()) {
            deliveries.finish(delivery, attempt, DeliveryState.DELIVERED, null);
            return;
        }
        Optional<Instant> next = retries.nextAttempt(delivery.attempts(), clock.instant(), delivery.giveUpAt());
        if (next.isEmpty()) {
            log.warn("webhook delivery {} of event {} given up after {} attempts: {}", delivery.id(), delivery.eventId(),
                    delivery.attempts(), attempt.failure());
        }
        deliveries.finish(delivery, attempt, next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED, next.orElse(null));
    }

    private Attempt call(Deliveries.Claimed delivery, Instant start) {
        long started = System.nanoTime();
        try {
            List<String> signing = delivery.signingSecrets(start).stream().map(secrets::open).toList();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "card-coupons-webhooks/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(start, delivery.body(), signing))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(start, response.statusCode(), null, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | IllegalArgumentException failed) {
            return new Attempt(start, null, failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage()), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Attempt(start, null, "interrupted", Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
