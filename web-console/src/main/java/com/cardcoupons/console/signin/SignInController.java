package com.cardcoupons.console.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, and the start page that sends each user to their role's first page. */
@Controller
class SignInController {

    @GetMapping("/console/sign-in")
    String signIn(@RequestParam(required = false) String failed, @RequestParam(required = false) String signedOut,
            HttpSession session, Model model) {
        if (failed != null) {
            model.addAttribute("reason", session.getAttribute(SignInFailure.REASON));
            model.addAttribute("keyId", session.getAttribute(SignInFailure.KEY_ID));
            session.removeAttribute(SignInFailure.REASON);
            session.removeAttribute(SignInFailure.KEY_ID);
        }
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }

    @GetMapping({"/console", "/console/"})
    String home(@AuthenticationPrincipal ConsoleUser user) {
        return "redirect:" + user.role().home();
    }
}
