package com.cardcoupons.gateway.accesslog;

import com.cardcoupons.gateway.authentication.AuthenticatedCaller;
import com.cardcoupons.model.medium.PanMasker;
import com.cardcoupons.platform.identity.CallerIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Logs every request once it is answered: method, path and query, status, duration, principal (the key id) and,
 * through the MDC, the correlation id. Path and query are percent-decoded before card numbers are masked, so a number
 * whose digit groups are separated by {@code %20} is caught as surely as one written plain; what is logged is the
 * masked text.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.cardcoupons.gateway.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            write(request, failed ? 500 : response.getStatus(), System.nanoTime() - start);
        }
    }

    private static void write(HttpServletRequest request, int status, long nanos) {
        String path = masked(request.getRequestURI(), false);
        String query = request.getQueryString() == null ? null : masked(request.getQueryString(), true);
        CallerIdentity caller = AuthenticatedCaller.of(request);
        String principal = caller == null ? "-" : caller.principal();
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration", nanos)
                .addKeyValue("user.name", principal);
        if (query != null) {
            line = line.addKeyValue("url.query", query);
        }
        if (caller != null) {
            line = line.addKeyValue("user.roles", caller.role().name());
        }
        // words, not bare spaces, between the path and the numbers after it: the log's card number mask must never read
        // a path's last digits, the status and the duration as one number
        line.log("{} {}{} -> {} in {}ms by {}", request.getMethod(), path, query == null ? "" : "?" + query, status, millis,
                principal);
    }

    /** {@code raw} percent-decoded (a malformed escape is kept as it is), then with card numbers masked. */
    static String masked(String raw, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && HexFormat.isHexDigit(raw.charAt(i + 1)) && HexFormat.isHexDigit(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return PanMasker.mask(bytes.toString(StandardCharsets.UTF_8));
    }
}
