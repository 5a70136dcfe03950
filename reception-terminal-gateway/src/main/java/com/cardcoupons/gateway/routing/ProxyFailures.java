package com.cardcoupons.gateway.routing;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.web.client.ResourceAccessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** What a failed forwarding says about the service: never reached, too slow, or gone mid-call. */
final class ProxyFailures {

    private ProxyFailures() {
    }

    /** The I/O failure behind a proxy's exception, or null when it was not one. */
    static IOException ioFailure(RuntimeException e) {
        if ((e instanceof UncheckedIOException || e instanceof ResourceAccessException) && e.getCause() instanceof IOException io) {
            return io;
        }
        return null;
    }

    /** The call never reached the service: no connection could be made. */
    static boolean neverSent(IOException failure) {
        return causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)
                || causedBy(failure, NoRouteToHostException.class) || causedBy(failure, UnknownHostException.class);
    }

    /** The service did not start answering in time (a connect timeout is {@link #neverSent} instead). */
    static boolean timedOut(IOException failure) {
        return causedBy(failure, SocketTimeoutException.class) && !causedBy(failure, ConnectTimeoutException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
