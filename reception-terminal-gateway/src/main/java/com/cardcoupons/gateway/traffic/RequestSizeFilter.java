package com.cardcoupons.gateway.traffic;

import com.cardcoupons.platform.problem.ProblemResponses;
import com.cardcoupons.platform.problem.Problems;
import com.cardcoupons.platform.servlet.BufferedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body larger than the maximum with 413 before anything else reads it. A declared {@code Content-Length}
 * is checked at once; a chunked body is read up to the limit, and passed on from memory when it fits, so an
 * oversized body is never half-forwarded to a service.
 */
class RequestSizeFilter extends OncePerRequestFilter {

    private final long max;
    private final ProblemResponses problems;

    RequestSizeFilter(RequestSizeProperties properties, ProblemResponses problems) {
        this.max = properties.max().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(request, response);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the unread body is not worth draining: close the connection rather than read up to the whole of it
        response.setHeader("Connection", "close");
        problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "the request body exceeds " + max + " bytes"));
    }
}
