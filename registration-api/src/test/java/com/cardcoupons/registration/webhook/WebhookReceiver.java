package com.cardcoupons.registration.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A merchant's endpoint on loopback, over real HTTP: it answers each request by the next scripted behaviour (fail
 * with a status, hang past the sender's timeout), then acknowledges, and keeps every request it acknowledged.
 */
final class WebhookReceiver implements AutoCloseable {

    /** What the receiver does with one request. */
    sealed interface Behaviour permits Status, Hang {
    }

    record Status(int code) implements Behaviour {
    }

    record Hang(long millis) implements Behaviour {
    }

    record Received(String eventId, String signature, String body) {
    }

    private final HttpServer server;
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final List<Received> acknowledged = new CopyOnWriteArrayList<>();
    private volatile int requests;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests++;
            Behaviour next;
            synchronized (script) {
                next = script.poll();
            }
            try {
                if (next instanceof Hang hang) {
                    Thread.sleep(hang.millis());
                    exchange.sendResponseHeaders(200, -1);
                } else if (next instanceof Status status) {
                    exchange.sendResponseHeaders(status.code(), -1);
                } else {
                    acknowledged.add(new Received(exchange.getRequestHeaders().getFirst("Webhook-Id"),
                            exchange.getRequestHeaders().getFirst("Webhook-Signature"), new String(body, StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(204, -1);
                }
            } catch (InterruptedException | IOException gone) {
                // the sender gave up waiting
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The next requests get these behaviours, in order; after them every request is acknowledged. */
    WebhookReceiver then(Behaviour... behaviours) {
        synchronized (script) {
            script.addAll(List.of(behaviours));
        }
        return this;
    }

    /** From now on every request is acknowledged. */
    void recover() {
        synchronized (script) {
            script.clear();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> acknowledged() {
        return List.copyOf(acknowledged);
    }

    int requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
