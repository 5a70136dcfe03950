package com.cardcoupons.gateway.access;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses a request whose path is not in canonical form (see {@link RequestPath}). */
class CanonicalPathFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    CanonicalPathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestPath.isCanonical(request)) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "NON_CANONICAL_PATH",
                    "the path has dot segments, empty segments, path parameters or encoded separators"));
            return;
        }
        chain.doFilter(request, response);
    }
}
