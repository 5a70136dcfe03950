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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** The operator opens a merchant's stores and changes them: name, address, time zone and category (the code stays). */
@Controller
class StoreController {

    private final Gateway gateway;

    StoreController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/console/merchants/{merchantId}/stores/new")
    String newStore(@PathVariable UUID merchantId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        return form(merchantId, null, StoreForm.blank(), null, user, model);
    }

    @PostMapping("/console/merchants/{merchantId}/stores")
    String open(@PathVariable UUID merchantId, StoreForm form, @AuthenticationPrincipal ConsoleUser user, Model model,
                RedirectAttributes redirect) {
        try {
            Gateway.Created opened = gateway.as(user.apiKey()).create("/api/v1/merchants/" + merchantId + "/stores",
                    form.request(true), Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", "Store " + opened.body().get("code") + " is open. Install its terminals.");
            return "redirect:/console/merchants/" + merchantId;
        } catch (ApiProblem problem) {
            return form(merchantId, null, form, problem, user, model);
        }
    }

    @GetMapping("/console/merchants/{merchantId}/stores/{storeId}")
    String edit(@PathVariable UUID merchantId, @PathVariable UUID storeId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        StoreForm form = StoreForm.of(gateway.as(user.apiKey()).get("/api/v1/merchants/" + merchantId + "/stores/" + storeId));
        return form(merchantId, storeId, form, null, user, model);
    }

    @PostMapping("/console/merchants/{merchantId}/stores/{storeId}")
    String change(@PathVariable UUID merchantId, @PathVariable UUID storeId, StoreForm form,
                  @AuthenticationPrincipal ConsoleUser user, Model model, RedirectAttributes redirect) {
        try {
            gateway.as(user.apiKey()).put("/api/v1/merchants/" + merchantId + "/stores/" + storeId, form.request(false),
                    Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", "Store " + form.code() + " is changed.");
            return "redirect:/console/merchants/" + merchantId;
        } catch (ApiProblem problem) {
            return form(merchantId, storeId, form, problem, user, model);
        }
    }

    private String form(UUID merchantId, UUID storeId, StoreForm form, ApiProblem problem, ConsoleUser user, Model model) {
        model.addAttribute("merchant", gateway.as(user.apiKey()).get("/api/v1/merchants/" + merchantId));
        model.addAttribute("storeId", storeId);
        model.addAttribute("form", form);
        if (problem != null) {
            model.addAttribute("problem", problem.renamed(StoreForm::inputOf));
        }
        return "merchants/store";
    }
}
