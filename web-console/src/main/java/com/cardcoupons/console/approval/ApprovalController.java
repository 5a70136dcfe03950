package com.cardcoupons.console.approval;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The approval queue, the review of one campaign's pending version, the decision on it, and its history. */
@Controller
class ApprovalController {

    private final Gateway gateway;

    ApprovalController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/console/approvals")
    String queue(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("queue", gateway.as(user.apiKey()).get("/api/v1/campaigns?awaitingApproval=true&size=100").get("campaigns"));
        return "approvals/queue";
    }

    @GetMapping("/console/approvals/{campaignId}")
    String review(@PathVariable UUID campaignId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        show(campaignId, user, model);
        return "approvals/review";
    }

    @PostMapping("/console/approvals/{campaignId}")
    String decide(@PathVariable UUID campaignId, @RequestParam int version, @RequestParam String decision,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal ConsoleUser user, Model model,
            RedirectAttributes redirect) {
        String action = "approve".equals(decision) ? "approve" : "reject";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        if (!reason.isBlank()) {
            body.put("reason", reason.trim());
        }
        try {
            gateway.as(user.apiKey()).post("/api/v1/campaigns/" + campaignId + "/" + action, body);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("reason", reason);
            show(campaignId, user, model);
            return "approvals/review";
        }
        redirect.addFlashAttribute("notice", "Version " + version + " was " + ("approve".equals(action) ? "approved" : "rejected") + ".");
        return "redirect:/console/approvals/" + campaignId;
    }

    @SuppressWarnings("unchecked")
    private void show(UUID campaignId, ConsoleUser user, Model model) {
        Gateway.Calls api = gateway.as(user.apiKey());
        Map<String, Object> campaign = api.get("/api/v1/campaigns/" + campaignId);
        Map<String, Object> live = (Map<String, Object>) campaign.get("live");
        Map<String, Object> pending = (Map<String, Object>) campaign.get("pending");
        model.addAttribute("campaign", campaign);
        model.addAttribute("live", live);
        model.addAttribute("pending", pending);
        model.addAttribute("diff", TermsDiff.between(
                live == null ? Map.of() : (Map<String, Object>) live.get("terms"),
                pending == null ? Map.of() : (Map<String, Object>) pending.get("terms")));
        Object steps = api.get("/api/v1/campaigns/" + campaignId + "/history").get("steps");
        model.addAttribute("history", steps == null ? List.of() : steps);
    }
}
