package com.cardcoupons.gateway.authentication;

import com.cardcoupons.platform.identity.CallerIdentity;
import jakarta.servlet.http.HttpServletRequest;

/** Where the gateway keeps the caller it authenticated, for the filters and handlers after it. */
public final class AuthenticatedCaller {

    public static final String ATTRIBUTE = "com.cardcoupons.gateway.authentication.AuthenticatedCaller";

    private AuthenticatedCaller() {
    }

    /** The authenticated caller of this request, or {@code null} when it needed none (outside the API). */
    public static CallerIdentity of(HttpServletRequest request) {
        return (CallerIdentity) request.getAttribute(ATTRIBUTE);
    }
}
