package com.cardcoupons.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;
import java.util.function.Function;

/**
 * Tells the operator endpoints ({@code /actuator/**}) who is asking, so that health shows its details only to a
 * {@link Role#PLATFORM_ADMIN} and its status alone to anyone else. The caller is the one the gateway verified; a
 * request without one, or with one that does not verify, is anonymous.
 */
public class OperatorAccessFilter extends OncePerRequestFilter {

    private static final String ACTUATOR = "/actuator/";

    private final Function<HttpServletRequest, CallerIdentity> callers;

    public OperatorAccessFilter(Function<HttpServletRequest, CallerIdentity> callers) {
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + ACTUATOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity caller = callers.apply(request);
        chain.doFilter(caller == null ? request : new AsCaller(request, caller), response);
    }

    /** The request as made by a known caller, in the servlet API's terms that the actuator checks roles with. */
    private static final class AsCaller extends HttpServletRequestWrapper {

        private final CallerIdentity caller;

        AsCaller(HttpServletRequest request, CallerIdentity caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller::principal;
        }

        @Override
        public String getRemoteUser() {
            return caller.principal();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }
    }
}
