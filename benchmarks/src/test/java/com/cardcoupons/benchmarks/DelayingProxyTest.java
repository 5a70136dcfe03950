package com.cardcoupons.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DelayingProxyTest {

    @Test
    void passesEveryByteOnAndHoldsEachAnswerBackByItsDelay() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = echo.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (Exception ended) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            try (DelayingProxy proxy = new DelayingProxy(echo.getLocalPort(), Duration.ofMillis(100));
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), URI.create(proxy.url()).getPort())) {
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                byte[] request = "a request".getBytes(StandardCharsets.UTF_8);
                for (int round = 0; round < 3; round++) {
                    long started = System.nanoTime();
                    out.write(request);
                    out.flush();
                    byte[] answer = in.readNBytes(request.length);
                    long millis = (System.nanoTime() - started) / 1_000_000;

                    assertThat(answer).isEqualTo(request);
                    assertThat(millis).as("round " + round).isGreaterThanOrEqualTo(100);
                }
            }
        }
    }
}
