package com.cardcoupons.console.merchant;

import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merchants: the operator lists, onboards, renames and closes them; a merchant sees its own, read-only. Every
 * change is sent with the {@code Idempotency-Key} its form carries.
 */
@Controller
class MerchantController {

    private static final List<String> STATUSES = List.of("ACTIVE", "CLOSED");
    private static final int PAGE_SIZE = 50;

    private final Gateway gateway;
    private final MerchantPage page;

    MerchantController(Gateway gateway, MerchantPage page) {
        this.gateway = gateway;
        this.page = page;
    }

    @GetMapping("/console/merchants")
    String merchants(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                     @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("form", new NameForm("", null));
        return list(status, page, user, model);
    }

    @PostMapping("/console/merchants")
    String onboard(NameForm form, @AuthenticationPrincipal ConsoleUser user, Model model, RedirectAttributes redirect) {
        try {
            Gateway.Created created = gateway.as(user.apiKey())
                    .create("/api/v1/merchants", Map.of("name", form.name()), Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", created.replayed()
                    ? "This form was sent before: \"" + created.body().get("name") + "\" was onboarded then, nothing new now."
                    : "\"" + created.body().get("name") + "\" is onboarded. Open its first store.");
            return "redirect:/console/merchants/" + created.body().get("id");
        } catch (ApiProblem problem) {
            model.addAttribute("form", form);
            model.addAttribute("problem", problem);
            return list(null, 0, user, model);
        }
    }

    @GetMapping("/console/merchants/{merchantId}")
    String merchant(@PathVariable UUID merchantId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        return page.render(merchantId, user, model);
    }

    @PostMapping("/console/merchants/{merchantId}")
    String rename(@PathVariable UUID merchantId, NameForm form, @AuthenticationPrincipal ConsoleUser user, Model model,
                  RedirectAttributes redirect) {
        try {
            gateway.as(user.apiKey()).put("/api/v1/merchants/" + merchantId, Map.of("name", form.name()),
                    Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", "The merchant is now \"" + form.name() + "\".");
            return "redirect:/console/merchants/" + merchantId;
        } catch (ApiProblem problem) {
            model.addAttribute("rename", form);
            model.addAttribute("problem", problem);
            return page.render(merchantId, user, model);
        }
    }

    @PostMapping("/console/merchants/{merchantId}/closure")
    String close(@PathVariable UUID merchantId, ClosureForm form, @AuthenticationPrincipal ConsoleUser user, Model model,
                 RedirectAttributes redirect) {
        try {
            gateway.as(user.apiKey()).create("/api/v1/merchants/" + merchantId + "/closure", Map.of("reason", form.reason()),
                    Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", "The merchant is closed, and its terminals decommissioned.");
            return "redirect:/console/merchants/" + merchantId;
        } catch (ApiProblem problem) {
            model.addAttribute("closure", form);
            model.addAttribute("problem", problem);
            return page.render(merchantId, user, model);
        }
    }

    /** A merchant's own merchant, stores and terminals; the API refuses it any other. */
    @GetMapping("/console/my-merchant")
    String own(@AuthenticationPrincipal ConsoleUser user, Model model) {
        return page.render(user.merchantId(), user, model);
    }

    private String list(String status, int pageNumber, ConsoleUser user, Model model) {
        String shown = status != null && STATUSES.contains(status) ? status : null;
        int at = Math.max(0, pageNumber);
        Map<String, Object> found = gateway.as(user.apiKey()).get("/api/v1/merchants?size=" + PAGE_SIZE + "&page=" + at
                + (shown == null ? "" : "&status=" + shown));
        model.addAttribute("merchants", found.get("merchants"));
        model.addAttribute("hasMore", Boolean.TRUE.equals(found.get("hasMore")));
        model.addAttribute("status", shown);
        model.addAttribute("page", at);
        return "merchants/list";
    }

    /** A merchant's name, to onboard or rename it. */
    record NameForm(String name, String idempotencyKey) {

        NameForm {
            name = name == null ? "" : name.trim();
        }
    }

    /** Why a merchant is closed. */
    record ClosureForm(String reason, String idempotencyKey) {

        ClosureForm {
            reason = reason == null ? "" : reason.trim();
        }
    }
}
