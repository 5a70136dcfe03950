package com.cardcoupons.registration.webhook;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * <p>
 * An endpoint's host is resolved at every delivery and the connection is made only to the addresses checked then
 * (the client's DNS resolver hook): a name that now resolves to a non-public address ({@link PublicAddresses}) is not
 * called, the attempt failing with that reason and retried per the policy. Redirects are not followed, nor are
 * requests retried by the client, nor any proxy or cookie used.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Deliveries deliveries;
    private final SecretBox secrets;
    private final WebhookProperties properties;
    private final RetryPolicy retries;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookDispatcher(Deliveries deliveries, SecretBox secrets, WebhookProperties properties, Clock clock,
            HostResolver resolver) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.properties = properties;
        this.retries = properties.retryPolicy();
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked(resolver, properties.allowLoopbackHttp()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout())).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(properties.readTimeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** The addresses the client connects to: those resolved now, every one of them permitted, or none at all. */
    static DnsResolver checked(HostResolver resolver, boolean allowLoopback) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = resolver.resolve(host);
                for (InetAddress address : addresses) {
                    if (!PublicAddresses.permitted(address, allowLoopback)) {
                        log.warn("webhook host {} resolves to non-public address {}; not connecting", host,
                                address.getHostAddress());
                        throw new PublicAddresses.NotPublicException(host);
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never used for connecting; no second lookup
            }
        };
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
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
            HttpPost request = new HttpPost(delivery.url());
            request.setHeader("User-Agent", "card-coupons-webhooks/1");
            request.setHeader(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString());
            request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(start, delivery.body(), signing));
            request.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON));
            int status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return new Attempt(start, status, null, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | IllegalArgumentException failed) {
            return new Attempt(start, null, failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage()), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
