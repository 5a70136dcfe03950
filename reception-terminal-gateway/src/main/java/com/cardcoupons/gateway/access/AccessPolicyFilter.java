package com.cardcoupons.gateway.access;

import com.cardcoupons.gateway.authentication.AuthenticatedCaller;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets an authenticated caller through only where the route-to-role table permits its role, and a merchant only to
 * its own campaigns. The services check roles again; this is the outer wall.
 */
class AccessPolicyFilter extends OncePerRequestFilter {

    private final AccessPolicy policy;
    private final CampaignOwners campaignOwners;
    private final ProblemResponses problems;

    AccessPolicyFilter(AccessPolicy policy, CampaignOwners campaignOwners, ProblemResponses problems) {
        this.policy = policy;
        this.campaignOwners = campaignOwners;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return AuthenticatedCaller.of(request) == null || !RequestPath.of(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity caller = AuthenticatedCaller.of(request);
        AccessPolicy.Decision decision = policy.decide(request.getMethod(), RequestPath.of(request), caller.role());
        Optional<ProblemDetail> refusal = switch (decision.outcome()) {
            case NO_ROUTE -> Optional.of(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such API route"));
            case METHOD_NOT_ALLOWED -> Optional.of(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    request.getMethod() + " is not supported on this route"));
            case FORBIDDEN -> Optional.of(Problems.of(HttpStatus.FORBIDDEN, "ROLE_NOT_PERMITTED",
                    "a " + caller.role() + " may not do this"));
            case PERMITTED -> ownership(caller, decision.ownedCampaign());
        };
        if (refusal.isPresent()) {
            if (decision.outcome() == AccessPolicy.Outcome.METHOD_NOT_ALLOWED) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", decision.allowedMethods()));
            }
            problems.write(request, response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** A merchant acting on a campaign of another merchant is refused; an unknown campaign is the service's to answer. */
    private Optional<ProblemDetail> ownership(CallerIdentity caller, String campaign) {
        if (campaign == null) {
            return Optional.empty();
        }
        UUID campaignId;
        try {
            campaignId = UUID.fromString(campaign);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return campaignOwners.merchantOf(campaignId)
                .filter(owner -> !owner.equals(caller.merchantId()))
                .map(other -> Problems.of(HttpStatus.FORBIDDEN, "OTHER_MERCHANT", "this belongs to another merchant"));
    }
}
