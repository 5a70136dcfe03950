package com.cardcoupons.console.credential;

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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * API credentials for the platform administrator. An issued key's secret is in the answer to the issuing request
 * only: the page shows it then (and to the same form sent again, which the gateway answers with the same key, not a
 * new one) and the console keeps it nowhere.
 */
@Controller
public class CredentialController {

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9_-]{3,64}");

    private final Gateway gateway;

    CredentialController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/console/credentials")
    String credentials(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("form", new IssueForm("TERMINAL", "", "", "", "MOBILE_APP", null));
        return list(user, model);
    }

    @PostMapping("/console/credentials")
    String issue(IssueForm form, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("form", form);
        try {
            Gateway.Created issued = gateway.as(user.apiKey()).create("/api/v1/credentials", form.request(),
                    Gateway.idempotencyKey(form.idempotencyKey()));
            model.addAttribute("issued", issued.body());
            if (issued.replayed()) {
                // a reload or a second click: the gateway issued no second key, and answers with the first
                model.addAttribute("notice", "This form was sent before: this is the key issued then, not a new one.");
            }
            model.addAttribute("form", new IssueForm(form.kind(), "", "", "", form.channel(), null));
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        return list(user, model);
    }

    @PostMapping("/console/credentials/{id}/revocation")
    String revoke(@PathVariable String id, @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new ApiProblem(400, "INVALID_KEY_ID", "not a key id", null, java.util.List.of());
        }
        gateway.as(user.apiKey()).post("/api/v1/credentials/" + id + "/revocation", null);
        redirect.addFlashAttribute("notice", "Key " + id + " is revoked: it stops working on its next request.");
        return "redirect:/console/credentials";
    }

    private String list(ConsoleUser user, Model model) {
        model.addAttribute("credentials", gateway.as(user.apiKey()).list("/api/v1/credentials"));
        return "credentials/list";
    }

    /**
     * A credential to issue: its kind, a label, what it is bound to, and the {@code Idempotency-Key} drawn with the
     * form, so a form sent twice issues one key.
     */
    public record IssueForm(String kind, String label, String terminalId, String merchantId, String channel,
            String idempotencyKey) {

        public IssueForm {
            kind = kind == null ? "TERMINAL" : kind;
            label = label == null ? "" : label;
            terminalId = terminalId == null ? "" : terminalId.trim();
            merchantId = merchantId == null ? "" : merchantId.trim();
            channel = channel == null ? "" : channel;
        }

        Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("kind", kind);
            request.put("label", label.trim());
            switch (kind) {
                case "TERMINAL" -> request.put("terminalId", terminalId.isEmpty() ? null : terminalId);
                case "MERCHANT" -> request.put("merchantId", merchantId.isEmpty() ? null : merchantId);
                case "CONSUMER_CHANNEL" -> request.put("channel", channel);
                default -> { }
            }
            request.values().removeIf(java.util.Objects::isNull);
            return request;
        }
    }
}
