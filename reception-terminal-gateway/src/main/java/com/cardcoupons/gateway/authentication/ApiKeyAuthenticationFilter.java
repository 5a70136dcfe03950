package com.cardcoupons.gateway.authentication;

import com.cardcoupons.gateway.access.RequestPath;
import com.cardcoupons.gateway.credential.ApiKey;
import com.cardcoupons.gateway.credential.BoundCredential;
import com.cardcoupons.gateway.credential.KnownCredentials;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Admits a call to the API only with a valid API key; a key sent anywhere else must be valid too. The key is looked
 * up by its id among the credentials kept in memory (read from the database when not known: a revoked key stops
 * working on every gateway instance within a second, see {@link KnownCredentials}) and its secret checked against
 * the stored hash on every request. Every
 * failure looks the same to the caller ({@code API_KEY_INVALID}); the log says which it was.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    private static final String CHALLENGE = "ApiKey header=\"" + ApiKey.HEADER + "\"";

    private final KnownCredentials credentials;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(KnownCredentials credentials, ProblemResponses problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    /** The API needs a key; elsewhere (health) a key is optional, and shows an administrator the details. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPath.of(request).startsWith("/api/") && request.getHeader(ApiKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(ApiKey.HEADER);
        if (header == null || header.isBlank()) {
            refuse(request, response, "API_KEY_MISSING", "send your API key in the " + ApiKey.HEADER + " header");
            return;
        }
        Optional<ApiKey> key = ApiKey.parse(header.strip());
        if (key.isEmpty()) {
            log.info("refused a malformed API key");
            refuse(request, response, "API_KEY_INVALID", "the API key is not valid");
            return;
        }
        Optional<CallerIdentity> caller;
        try {
            caller = authenticate(key.get());
        } catch (DataAccessException e) {
            log.error("could not read credential {}", key.get().keyId(), e);
            problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "AUTHENTICATION_UNAVAILABLE",
                    "credentials cannot be checked right now; retry later"));
            return;
        }
        if (caller.isEmpty()) {
            refuse(request, response, "API_KEY_INVALID", "the API key is not valid");
            return;
        }
        request.setAttribute(AuthenticatedCaller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private Optional<CallerIdentity> authenticate(ApiKey key) {
        Optional<BoundCredential> credential = credentials.find(key.keyId());
        if (credential.isEmpty()) {
            log.info("refused API key {}: no such credential", key.keyId());
            return Optional.empty();
        }
        Optional<CallerIdentity> caller = credential.get().authenticate(key.secret(), Instant.now());
        if (caller.isEmpty()) {
            log.info("refused API key {}: wrong secret, revoked, or its terminal or merchant may no longer act", key.keyId());
        }
        return caller;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, code, detail));
    }
}
