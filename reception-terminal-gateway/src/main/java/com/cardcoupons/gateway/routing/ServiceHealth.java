package com.cardcoupons.gateway.routing;

import com.cardcoupons.platform.http.PooledHttpClients;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the readiness of every instance of each service that has several, every {@code interval}: an instance whose
 * readiness is not 200 within {@code timeout} leaves the rotation, and one that answers 200 joins it again. A service
 * of one instance is not read: there is no other instance to send its calls to.
 */
final class ServiceHealth implements SmartLifecycle {

    private final List<ServiceInstances> services;
    private final Duration interval;
    private final CloseableHttpClient http;
    private ScheduledExecutorService schedule;

    ServiceHealth(List<ServiceInstances> services, Duration interval, Duration timeout) {
        this.services = services.stream().filter(service -> service.size() > 1).toList();
        this.interval = interval;
        this.http = PooledHttpClients.builder(2 * this.services.size() + 2, timeout, timeout).build();
    }

    @Override
    public void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "service-health");
            thread.setDaemon(true);
            return thread;
        });
        if (!services.isEmpty()) {
            schedule.scheduleWithFixedDelay(this::readAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        schedule.shutdownNow();
        try {
            http.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isShutdown();
    }

    private void readAll() {
        for (ServiceInstances service : services) {
            for (URI instance : service.all()) {
                read(service, instance);
            }
        }
    }

    private void read(ServiceInstances service, URI instance) {
        try {
            int status = http.execute(new HttpGet(instance.resolve("/actuator/health/readiness")), response -> {
                response.getEntity().getContent().readAllBytes();
                return response.getCode();
            });
            service.up(instance, status == 200, "readiness answered " + status);
        } catch (IOException e) {
            service.up(instance, false, "readiness unanswered: " + e);
        }
    }
}
