package com.cardcoupons.platform.idempotency;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Where a keyed call meets its handler: refuses a call to an {@link Idempotent} handler that carries no
 * {@code Idempotency-Key}, and opens the transaction the call and the recording of its outcome run in, unless the
 * handler records its outcome itself. The {@link IdempotencyFilter} ends that transaction.
 */
public class IdempotentHandlers implements HandlerInterceptor {

    private final ProblemResponses problems;
    private final PlatformTransactionManager transactions;

    public IdempotentHandlers(ProblemResponses problems, PlatformTransactionManager transactions) {
        this.problems = problems;
        this.transactions = transactions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Idempotent idempotent = method.getMethodAnnotation(Idempotent.class);
        if (idempotent != null && request.getHeader(IdempotencyFilter.HEADER) == null) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "this call may be retried, so it needs an Idempotency-Key header", IdempotencyFilter.HEADER));
            return false;
        }
        IdempotentCall call = IdempotentCall.of(request);
        if (call != null && call.transaction() == null) {
            if (idempotent != null && idempotent.recordsItsOwnOutcome()) {
                call.letHandlerRecord();
            } else {
                call.runIn(transactions.getTransaction(new DefaultTransactionDefinition()));
            }
        }
        return true;
    }
}
