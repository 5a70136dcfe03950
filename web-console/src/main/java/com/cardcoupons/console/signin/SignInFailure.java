package com.cardcoupons.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * A failed sign-in shows the sign-in page again with the reason next to the secret, keeping the key id typed; the
 * secret is never echoed.
 */
class SignInFailure implements AuthenticationFailureHandler {

    static final String REASON = "com.cardcoupons.console.signin.reason";
    static final String KEY_ID = "com.cardcoupons.console.signin.keyId";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        request.getSession().setAttribute(REASON, exception.getMessage());
        String keyId = request.getParameter("keyId");
        request.getSession().setAttribute(KEY_ID, keyId == null ? "" : keyId.trim());
        response.sendRedirect(request.getContextPath() + "/console/sign-in?failed");
    }
}
