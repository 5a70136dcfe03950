package com.cardcoupons.console.campaign;

import com.cardcoupons.console.Barcodes;
import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A merchant's campaigns: the list with states, submitting and editing terms, and each campaign's usage. */
@Controller
class CampaignController {

    private final Gateway gateway;
    private final String sampleBarcode;

    CampaignController(Gateway gateway, Barcodes barcodes) {
        this.gateway = gateway;
        this.sampleBarcode = barcodes.code128("SAMPLECODE000000");
    }

    /** The slip preview's barcode: a sample, since the coupons' codes are made when they are acquired. */
    @ModelAttribute("sampleBarcode")
    String sampleBarcode() {
        return sampleBarcode;
    }

    @GetMapping("/console/campaigns")
    String campaigns(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("campaigns", gateway.as(user.apiKey()).get("/api/v1/campaigns?size=100").get("campaigns"));
        return "campaigns/list";
    }

    @GetMapping("/console/campaigns/new")
    String newCampaign(Model model) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.HOURS);
        model.addAttribute("form", TermsForm.blank(now.toString(), now.plusDays(30).toString()));
        return "campaigns/form";
    }

    @SuppressWarnings("unchecked")
    @GetMapping("/console/campaigns/{campaignId}/edit")
    String edit(@PathVariable UUID campaignId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        Map<String, Object> campaign = gateway.as(user.apiKey()).get("/api/v1/campaigns/" + campaignId);
        Map<String, Object> version = (Map<String, Object>) (campaign.get("pending") != null ? campaign.get("pending") : campaign.get("live"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", TermsForm.of((Map<String, Object>) version.get("terms")));
        return "campaigns/form";
    }

    @PostMapping("/console/campaigns")
    String submit(TermsForm form, @AuthenticationPrincipal ConsoleUser user, Model model, RedirectAttributes redirect) {
        return save(null, form, user, model, redirect);
    }

    @PostMapping("/console/campaigns/{campaignId}")
    String submitVersion(@PathVariable UUID campaignId, TermsForm form, @AuthenticationPrincipal ConsoleUser user, Model model,
            RedirectAttributes redirect) {
        return save(campaignId, form, user, model, redirect);
    }

    /** The slip as it would print with these terms, redrawn as the merchant types. */
    @PostMapping("/console/campaigns/preview")
    String preview(TermsForm form, Model model) {
        model.addAttribute("form", form);
        return "campaigns/form :: slip";
    }

    @GetMapping("/console/campaigns/{campaignId}/usage")
    String usage(@PathVariable UUID campaignId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        Map<String, Object> usage = gateway.as(user.apiKey()).get("/api/v1/usage/campaigns/" + campaignId);
        model.addAttribute("usage", usage);
        model.addAttribute("charts", UsageDashboard.of(usage));
        return "campaigns/usage";
    }

    @GetMapping("/console/campaigns/{campaignId}/figures.csv")
    ResponseEntity<byte[]> figures(@PathVariable UUID campaignId, @AuthenticationPrincipal ConsoleUser user) {
        ResponseEntity<byte[]> csv = gateway.as(user.apiKey()).download("/api/v1/usage/campaigns/" + campaignId + "/figures.csv");
        return ResponseEntity.ok().contentType(csv.getHeaders().getContentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + campaignId + "-figures.csv\"")
                .body(csv.getBody());
    }

    private String save(UUID campaignId, TermsForm form, ConsoleUser user, Model model, RedirectAttributes redirect) {
        List<ApiProblem.FieldError> mistakes = TermsForm.noMistakes();
        Map<String, Object> body = new LinkedHashMap<>();
        if (campaignId == null && !form.shortCode().isBlank()) {
            body.put("shortCode", form.shortCode().trim());
        }
        body.put("terms", form.terms(mistakes));
        try {
            if (!mistakes.isEmpty()) {
                throw new ApiProblem(400, "INVALID_TERMS", "some terms cannot be read", mistakes.get(0).field(), mistakes);
            }
            Gateway.Calls api = gateway.as(user.apiKey());
            Map<String, Object> saved = campaignId == null ? api.post("/api/v1/campaigns", body)
                    : api.post("/api/v1/campaigns/" + campaignId + "/versions", body);
            redirect.addFlashAttribute("notice", "\"" + form.title().trim() + "\" was submitted for approval ("
                    + saved.get("shortCode") + ").");
            return "redirect:/console/campaigns";
        } catch (ApiProblem problem) {
            model.addAttribute("form", form);
            model.addAttribute("problem", problem.renamed(TermsForm::inputOf));
            if (campaignId != null) {
                model.addAttribute("campaign", gateway.as(user.apiKey()).get("/api/v1/campaigns/" + campaignId));
            }
            return "campaigns/form";
        }
    }
}
