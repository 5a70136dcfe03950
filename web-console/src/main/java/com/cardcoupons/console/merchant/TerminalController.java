package com.cardcoupons.console.merchant;

import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The operator installs a terminal in a store and gets its API key at once, shown on the answer page only (the
 * console keeps it nowhere); issues another key for a terminal; and decommissions one, after which its keys fail.
 */
@Controller
class TerminalController {

    private final Gateway gateway;
    private final MerchantPage page;

    TerminalController(Gateway gateway, MerchantPage page) {
        this.gateway = gateway;
        this.page = page;
    }

    @PostMapping("/console/merchants/{merchantId}/terminals")
    String install(@PathVariable UUID merchantId, InstallForm form, @AuthenticationPrincipal ConsoleUser user, Model model) {
        Gateway.Calls api = gateway.as(user.apiKey());
        Map<String, Object> terminal;
        try {
            Gateway.Created installed = api.create("/api/v1/merchants/" + merchantId + "/terminals", form.request(),
                    Gateway.idempotencyKey(form.idempotencyKey()));
            terminal = installed.body();
            if (installed.replayed()) {
                // the form was posted again (a reload): its key was shown the first time and is not issued twice
                model.addAttribute("notice", "Terminal " + terminal.get("code") + " was installed when this form was first sent,"
                        + " and its key shown then. If the key was lost, issue a new one from the list.");
                return page.render(merchantId, user, model);
            }
        } catch (ApiProblem problem) {
            model.addAttribute("install", form);
            model.addAttribute("problem", problem.renamed(field -> "terminal-" + field));
            return page.render(merchantId, user, model);
        }
        // the key's call has a key of its own, drawn from the form's: a form sent again is a replay of both calls
        String keyCall = UUID.nameUUIDFromBytes((Gateway.idempotencyKey(form.idempotencyKey()) + "/credential")
                .getBytes(StandardCharsets.UTF_8)).toString();
        return issueKey(merchantId, terminal.get("id").toString(), form.code(),
                form.label().isEmpty() ? "terminal " + form.code() : form.label(), keyCall,
                "Terminal " + form.code() + " is installed.", user, model);
    }

    /** Another key for a terminal: the first was lost, or a second device takes its place. */
    @PostMapping("/console/merchants/{merchantId}/terminals/{terminalId}/keys")
    String anotherKey(@PathVariable UUID merchantId, @PathVariable UUID terminalId, KeyForm form,
                      @AuthenticationPrincipal ConsoleUser user, Model model) {
        return issueKey(merchantId, terminalId.toString(), form.code(), "terminal " + form.code(),
                Gateway.idempotencyKey(form.idempotencyKey()), null, user, model);
    }

    @PostMapping("/console/merchants/{merchantId}/terminals/{terminalId}/decommissioning")
    String decommission(@PathVariable UUID merchantId, @PathVariable UUID terminalId, KeyForm form,
                        @AuthenticationPrincipal ConsoleUser user, Model model, RedirectAttributes redirect) {
        try {
            gateway.as(user.apiKey()).create("/api/v1/merchants/" + merchantId + "/terminals/" + terminalId + "/decommissioning",
                    null, Gateway.idempotencyKey(form.idempotencyKey()));
            redirect.addFlashAttribute("notice", "Terminal " + form.code() + " is decommissioned: its keys stop working on their next request.");
            return "redirect:/console/merchants/" + merchantId;
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            return page.render(merchantId, user, model);
        }
    }

    private String issueKey(UUID merchantId, String terminalId, String code, String label, String idempotencyKey,
                            String installed, ConsoleUser user, Model model) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "TERMINAL");
        request.put("label", label);
        request.put("terminalId", terminalId);
        try {
            model.addAttribute("issued", gateway.as(user.apiKey()).post("/api/v1/credentials", request, idempotencyKey));
            model.addAttribute("issuedFor", code);
            model.addAttribute("notice", installed);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.renamed(field -> "terminal-" + field));
            if (installed != null) {
                model.addAttribute("notice", installed + " Its key was not issued: issue one from the list.");
            }
        }
        return page.render(merchantId, user, model);
    }

    /** A terminal to install: the store it is in, its code, and the label of its first key. */
    record InstallForm(String storeId, String code, String label, String idempotencyKey) {

        InstallForm {
            storeId = storeId == null ? "" : storeId.trim();
            code = code == null ? "" : code.trim();
            label = label == null ? "" : label.trim();
        }

        /** The terminal as the API takes it; a store not chosen is left out, for the API to name it. */
        Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>();
            if (!storeId.isEmpty()) {
                request.put("storeId", storeId);
            }
            request.put("code", code);
            return request;
        }
    }

    /** An action on one terminal, with its code for the messages and the key drawn with its form. */
    record KeyForm(String code, String idempotencyKey) {
    }
}
