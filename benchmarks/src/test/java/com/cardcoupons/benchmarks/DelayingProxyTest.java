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
    void passesEveryByteOnAndHoldsEachAnswerBackByItsCurrentDelay() throws Exception {
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
            try (DelayingProxy proxy = new DelayingProxy(echo.getLocalPort(), Duration.ofMillis(200));
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), URI.create(proxy.url()).getPort())) {
                for (int round = 0; round < 3; round++) {
                    assertThat(roundTripMillis(client)).as("round " + round).isGreaterThanOrEqualTo(200);
                }

                proxy.delay(Duration.ZERO);

                // the open connection takes the new delay for its next answer
                assertThat(roundTripMillis(client)).isLessThan(200);
            }
        }
    }

    private static long roundTripMillis(Socket client) throws Exception {
        OutputStream out = client.getOutputStream();
        InputStream in = client.getInputStream();
        byte[] request = "a request".getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        out.write(request);
        out.flush();
        byte[] answer = in.readNBytes(request.length);
        assertThat(answer).isEqualTo(request);
        return (System.nanoTime() - started) / 1_000_000;
    }
}
