package com.cardcoupons.platform.identity;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/** Enforces {@link PermittedRoles} on every API handler, after the gateway identity has been verified. */
public class RoleCheck implements HandlerInterceptor {

    private final ProblemResponses problems;

    public RoleCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        CallerIdentity caller = GatewayIdentityFilter.callerOf(request);
        if (caller == null) {
            // an API handler reached without a verified caller: never let it run
            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "GATEWAY_IDENTITY_MISSING",
                    "this service is reached through the gateway only"));
            return false;
        }
        PermittedRoles permitted = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PermittedRoles.class);
        if (permitted == null) {
            permitted = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PermittedRoles.class);
        }
        if (permitted == null || Arrays.stream(permitted.value()).noneMatch(caller::is)) {
            problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "ROLE_NOT_PERMITTED",
                    "a " + caller.role() + " may not do this"));
            return false;
        }
        return true;
    }
}
