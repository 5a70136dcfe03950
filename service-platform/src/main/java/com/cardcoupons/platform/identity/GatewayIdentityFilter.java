package com.cardcoupons.platform.identity;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Admits a call to the API only with identity headers signed by the gateway, so calling a service directly does
 * not bypass the gateway's authentication. Health, metrics and API docs stay open for operators.
 */
public class GatewayIdentityFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CallerIdentity.class.getName();
    private static final String API_PREFIX = "/api/";

    private final IdentitySigner signer;
    private final ProblemResponses problems;

    public GatewayIdentityFilter(IdentitySigner signer, ProblemResponses problems) {
        this.signer = signer;
        this.problems = problems;
    }

    /**
     * Decides on the path the container will route by (decoded, dot segments removed), not the raw request line:
     * otherwise {@code /actuator/../api/...} would reach an API handler without passing here.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !routedPath(request).startsWith(API_PREFIX) && !request.getRequestURI().startsWith(API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getRequestURI().equals(request.getContextPath() + routedPath(request))) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "NON_CANONICAL_PATH",
                    "the API is called by canonical paths only: no dot segments, encoded characters or parameters"));
            return;
        }
        if (request.getHeader(IdentityHeaders.SIGNATURE) == null) {
            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "GATEWAY_IDENTITY_MISSING",
                    "this service is reached through the gateway only"));
            return;
        }
        Optional<CallerIdentity> identity = signer.verify(request::getHeader, request.getMethod(), request.getRequestURI());
        if (identity.isEmpty()) {
            problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "GATEWAY_IDENTITY_INVALID",
                    "the identity headers are not signed by the gateway, or have expired"));
            return;
        }
        request.setAttribute(ATTRIBUTE, identity.get());
        chain.doFilter(request, response);
    }

    private static String routedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The verified caller of the request being served, or {@code null} outside the API. */
    public static CallerIdentity callerOf(HttpServletRequest request) {
        return (CallerIdentity) request.getAttribute(ATTRIBUTE);
    }
}
