package com.cardcoupons.platform.input;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request whose query string is malformed ({@link QueryString}) before the container parses its
 * parameters, on every path: the API, health, metrics and API docs alike.
 */
class QueryStringFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    QueryStringFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            QueryString.check(request.getQueryString());
        } catch (DomainException malformed) {
            problems.write(request, response, Problems.of(malformed));
            return;
        }
        chain.doFilter(request, response);
    }
}
