package com.cardcoupons.platform.idempotency;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a call to an {@link Idempotent} handler that carries no {@code Idempotency-Key}. */
public class IdempotencyKeyRequired implements HandlerInterceptor {

    private final ProblemResponses problems;

    public IdempotencyKeyRequired(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Idempotent.class)
                && request.getHeader(IdempotencyFilter.HEADER) == null) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "this call may be retried, so it needs an Idempotency-Key header", IdempotencyFilter.HEADER));
            return false;
        }
        return true;
    }
}
