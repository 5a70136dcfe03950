package com.cardcoupons.benchmarks;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP proxy that holds every answer back by a delay, to give coupon-server a network leg as long as the settlement
 * center's. Each chunk is written its delay after it was read, by a thread of its own, so an answer that arrives in
 * several chunks is late by the delay once, not once per chunk; requests pass at once. The delay can be changed
 * between phases of a run; open connections take the new one for their next chunk.
 */
final class DelayingProxy implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "delaying-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final ServerSocket listener;
    private final int upstreamPort;
    private volatile long delayNanos;

    DelayingProxy(int upstreamPort, Duration delay) {
        this.upstreamPort = upstreamPort;
        this.delayNanos = delay.toNanos();
        try {
            listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen", e);
        }
        threads.execute(this::accept);
    }

    void delay(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket();
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                threads.execute(() -> pump(client, upstream, false));
                threads.execute(() -> pump(upstream, client, true));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        threads.execute(() -> {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk chunk = chunks.take(); chunk.bytes() != null; chunk = chunks.take()) {
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // the connection ended
            } finally {
                close(from);
                close(to);
            }
        });
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                chunks.add(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + (delayed ? delayNanos : 0)));
            }
        } catch (IOException ended) {
            // the connection ended
        } finally {
            chunks.add(new Chunk(null, 0));
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private record Chunk(byte[] bytes, long due) {
    }
}
