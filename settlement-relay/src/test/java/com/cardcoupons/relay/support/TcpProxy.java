package com.cardcoupons.relay.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP proxy in front of the real coupon-server, which cannot be told to be slow or down: it passes the bytes on,
 * and can hold every answer back for a while (each chunk as long as the next, so an answer in several chunks is late
 * by the delay once, not once per chunk), refuse connections (its port closed, as a stopped server's is), or accept
 * connections and close them at once.
 */
public final class TcpProxy implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;
    private volatile int upstreamPort = -1;
    private volatile long delayMillis;
    private volatile boolean dropping;

    public TcpProxy() {
        listener = listen(0);
        port = listener.getLocalPort();
        acceptOn(listener);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public void forwardTo(int upstream) {
        upstreamPort = upstream;
        closeConnections();
    }

    /** Every answer arrives this much later. */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Connections are refused, and those open are cut, as when the server stops. */
    public synchronized void down() {
        closeQuietly(listener);
        closeConnections();
    }

    /** Connections are accepted and closed at once, before any answer. */
    public void dropConnections() {
        dropping = true;
        closeConnections();
    }

    /** Passes everything on again, at once. */
    public synchronized void recover() {
        delayMillis = 0;
        dropping = false;
        if (listener.isClosed()) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(listener);
        closeConnections();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void acceptOn(ServerSocket server) {
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    connect(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void connect(Socket client) {
        if (dropping || upstreamPort < 0) {
            closeQuietly(client);
            return;
        }
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            // small answers pass at once, not when Nagle's algorithm would let them
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        } catch (IOException refused) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pump(client, upstream, false));
        threads.execute(() -> pump(upstream, client, true));
    }

    /** Copies from one socket to the other; when delayed, the writing lags the reading by the delay of the moment. */
    private void pump(Socket from, Socket to, boolean delayed) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        threads.execute(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = chunks.take(); chunk.bytes() != null; chunk = chunks.take()) {
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            } finally {
                end(from, to);
            }
        });
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                long delay = delayed ? delayMillis * 1_000_000 : 0;
                chunks.add(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + delay));
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            chunks.add(new Chunk(null, 0));
        }
    }

    private void end(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        open.remove(one);
        open.remove(other);
    }

    private void closeConnections() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private record Chunk(byte[] bytes, long due) {
    }
}
