package com.cardcoupons.gateway.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * The path of a request as the gateway decides on it: decoded and normalised by the servlet container. A request
 * whose raw path differs from that ({@code ..}, {@code //}, {@code ;params}, encoded dots or slashes) is refused,
 * so the path that was authenticated and authorised is exactly the path forwarded to the service.
 */
public final class RequestPath {

    private RequestPath() {
    }

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    static boolean isCanonical(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8).equals(of(request));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
