package com.cardcoupons.settlementcenter;

import com.cardcoupons.settlementcenter.fault.SimulatedFailure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The simulator's own error answers: it shares nothing with the platform, not even its Problem Details advice. */
@RestControllerAdvice
class SimulatorProblems {

    @ExceptionHandler(SimulatedFailure.class)
    ProblemDetail simulatedFailure(SimulatedFailure failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage());
        problem.setProperty("code", "SIMULATED_FAILURE");
        return problem;
    }

    @ExceptionHandler(InvalidMessage.class)
    ProblemDetail invalidMessage(InvalidMessage invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setProperty("code", invalid.code());
        return problem;
    }
}
