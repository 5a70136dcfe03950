package com.cardcoupons.console;

import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.PlatformUnavailable;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page has: the signed-in user (for the navigation of their role), and a readable page when the
 * platform refuses a read or cannot be reached. Refusals of a form are shown on the form itself, by its controller.
 */
@ControllerAdvice
class ConsoleAdvice {

    @ModelAttribute("user")
    ConsoleUser user(@AuthenticationPrincipal ConsoleUser user) {
        return user;
    }

    @ExceptionHandler(PlatformUnavailable.class)
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    String unavailable(PlatformUnavailable unavailable, Model model) {
        model.addAttribute("message", unavailable.getMessage());
        return "trouble";
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model) {
        model.addAttribute("message", problem.detail());
        model.addAttribute("code", problem.code());
        return "trouble";
    }
}
