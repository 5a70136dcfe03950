package com.cardcoupons.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A downstream service reduced to recording what reaches it and answering "{name} saw {path}". It can be told to
 * answer late or with another status, to serve a fixed document at a path, and be stopped and started again on
 * the same port, which is how tests take a service down and bring it back.
 */
public final class StandIn {

    private static final Set<String> UNWATCHED = Set.of("/v3/api-docs", "/actuator/health/readiness");

    private final String name;
    private final int port;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile Recorded last;
    private volatile Duration delay = Duration.ZERO;
    private volatile int status = 200;

    private StandIn(String name, int port) {
        this.name = name;
        this.port = port;
    }

    public static StandIn start(String name) {
        StandIn standIn = new StandIn(name, 0);
        standIn.listen(0);
        return standIn;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Starts again on the same port, as a restarted service would. */
    public void restart() {
        listen(server.getAddress().getPort());
    }

    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void answerWith(int status) {
        this.status = status;
    }

    public void serve(String path, String json) {
        documents.put(path, json);
    }

    public Recorded last() {
        return last;
    }

    public int requestCount() {
        return requests.get();
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values));
        byte[] body = exchange.getRequestBody().readAllBytes();
        // the gateway reading the API document (tests check every exchange against it) or an instance's readiness
        // (load balancing, on its own clock) is not a call a test watches
        if (!UNWATCHED.contains(exchange.getRequestURI().getPath())) {
            requests.incrementAndGet();
            last = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        String document = documents.get(exchange.getRequestURI().getPath());
        byte[] answer = (document != null ? document : name + " saw " + exchange.getRequestURI().getRawPath())
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", document != null ? "application/json" : "text/plain");
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
        }
        exchange.sendResponseHeaders(document != null ? 200 : status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** One request as the service received it; header names in lower case. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }
}
