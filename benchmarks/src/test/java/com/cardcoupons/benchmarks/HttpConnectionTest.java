package com.cardcoupons.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// in a thread of its own, so a client stuck in a loop fails the test rather than hanging the build
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpConnectionTest {

    private static final byte[] HEAD = HttpConnection.head("POST", "/echo", "localhost", Map.of());

    @Test
    void readsAnswersByContentLengthAndInChunksOverOneKeptConnection() throws Exception {
        // bodies longer than the connection's read buffer, so the body is dropped across several reads
        byte[] big = new byte[50_000];
        Arrays.fill(big, (byte) 'x');
        Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sized", exchange -> answer(exchange, clients, 201, big.length, big));
        server.createContext("/chunked", exchange -> answer(exchange, clients, 200, 0, big));
        server.createContext("/empty", exchange -> answer(exchange, clients, 204, -1, new byte[0]));
        server.start();
        try (HttpConnection connection = new HttpConnection("localhost", server.getAddress().getPort())) {
            List<Integer> statuses = new ArrayList<>();
            for (String path : List.of("/sized", "/chunked", "/sized", "/empty", "/chunked", "/chunked", "/sized")) {
                statuses.add(connection.start(HttpConnection.head("POST", path, "localhost", Map.of()))
                        .send("{}".getBytes(StandardCharsets.UTF_8)));
            }

            assertThat(statuses).containsExactly(201, 200, 201, 204, 200, 200, 201);
            assertThat(clients).as("connections the server saw").hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sendsExactlyTheRequestLineHeadersAndBodyItWasGiven() throws Exception {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("Content-Type", "application/json; charset=UTF-8");
        fixed.put("X-Api-Key", "key-1");
        byte[] body = "{\"note\":\"café\"}".getBytes(StandardCharsets.UTF_8);
        try (RawServer server = new RawServer(turn -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
             HttpConnection connection = new HttpConnection("localhost", server.port())) {
            int status = connection.start(HttpConnection.head("POST", "/api/v1/searches", "localhost:" + server.port(), fixed))
                    .append(HttpConnection.headerLines(Map.of("X-Signed", "abc")))
                    .header("Idempotency-Key", "bench-1")
                    .send(body);

            assertThat(status).isEqualTo(200);
            assertThat(server.requests.poll(5, TimeUnit.SECONDS)).isEqualTo("POST /api/v1/searches HTTP/1.1\r\n"
                    + "Host: localhost:" + server.port() + "\r\n"
                    + "Content-Type: application/json; charset=UTF-8\r\n"
                    + "X-Api-Key: key-1\r\n"
                    + "X-Signed: abc\r\n"
                    + "Idempotency-Key: bench-1\r\n"
                    + "Content-Length: 16\r\n"
                    + "\r\n"
                    + "{\"note\":\"caf\u00c3\u00a9\"}");
        }
    }

    @Test
    void opensANewConnectionAfterAnAnswerThatClosesIt() throws Exception {
        try (RawServer server = new RawServer(turn -> turn.connection() == 0 && turn.request() == 0
                ? "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy"
                : "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
             HttpConnection connection = new HttpConnection("localhost", server.port())) {
            assertThat(send(connection)).isEqualTo(503);
            assertThat(send(connection)).isEqualTo(200);
            assertThat(send(connection)).isEqualTo(200);

            assertThat(server.accepted).as("connections the server accepted").isEqualTo(2);
        }
    }

    @Test
    void readsABodyThatRunsToTheEndOfTheConnectionAndThenReconnects() throws Exception {
        // longer than the connection's read buffer
        String body = "until the end ".repeat(2_000);
        try (RawServer server = new RawServer(turn -> "HTTP/1.1 200 OK\r\n\r\n" + body);
             HttpConnection connection = new HttpConnection("localhost", server.port())) {
            assertThat(send(connection)).isEqualTo(200);
            assertThat(send(connection)).isEqualTo(200);

            assertThat(server.accepted).isEqualTo(2);
        }
    }

    @Test
    void aConnectionBrokenBeforeTheAnswerFailsThatRequestAndTheNextReconnects() throws Exception {
        try (RawServer server = new RawServer(turn -> turn.connection() == 0 && turn.request() == 1 ? null
                : "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n");
             HttpConnection connection = new HttpConnection("localhost", server.port())) {
            assertThat(send(connection)).isEqualTo(200);
            assertThatThrownBy(() -> send(connection)).isInstanceOf(IOException.class);
            assertThat(send(connection)).isEqualTo(200);
            assertThat(send(connection)).isEqualTo(200);

            assertThat(server.accepted).isEqualTo(2);
        }
    }

    @Test
    void refusesHeaderValuesThatWouldEndTheLine() {
        try (HttpConnection connection = new HttpConnection("localhost", 1)) {
            assertThatThrownBy(() -> connection.start(HEAD).header("Idempotency-Key", "a\r\nX-Injected: 1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static int send(HttpConnection connection) throws IOException {
        return connection.start(HEAD).send("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, Set<InetSocketAddress> clients, int status, long length, byte[] body)
            throws IOException {
        clients.add(exchange.getRemoteAddress());
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            // several writes, so a chunked answer comes in several chunks
            for (int at = 0; at < body.length; at += 7_000) {
                out.write(body, at, Math.min(7_000, body.length - at));
            }
        }
    }

    /** Which request of which accepted connection is to be answered. */
    private record Turn(int connection, int request) {
    }

    /** What to answer a turn, verbatim; null closes the connection without answering. */
    private interface Script {
        String answer(Turn turn);
    }

    /**
     * A server of exact bytes, one connection at a time: records each request as it arrived, answers it as the
     * script says, and closes the connection after an answer without a length.
     */
    private static final class RawServer implements AutoCloseable {

        final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        volatile int accepted;
        private final ServerSocket socket;

        RawServer(Script script) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> serve(script));
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Script script) {
            try {
                for (int connection = 0; ; connection++) {
                    try (Socket client = socket.accept()) {
                        accepted = connection + 1;
                        InputStream in = new BufferedInputStream(client.getInputStream());
                        for (int request = 0; ; request++) {
                            String received = readRequest(in);
                            if (received == null) {
                                break;
                            }
                            requests.add(received);
                            String answer = script.answer(new Turn(connection, request));
                            if (answer == null) {
                                break;
                            }
                            client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                            if (!answer.toLowerCase().contains("content-length") && !answer.contains("chunked")
                                    || answer.contains("Connection: close")) {
                                break;
                            }
                        }
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        /** A request's head and its Content-Length body, byte for byte as ISO-8859-1; null at the end of input. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
