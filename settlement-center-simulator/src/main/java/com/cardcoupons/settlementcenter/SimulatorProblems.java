package com.cardcoupons.settlementcenter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin API's error answers: the simulator shares nothing with the platform, not even its Problem Details advice. */
@RestControllerAdvice
class SimulatorProblems {

    @ExceptionHandler(InvalidMessage.class)
    ProblemDetail invalidMessage(InvalidMessage invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setProperty("code", invalid.code());
        return problem;
    }
}
