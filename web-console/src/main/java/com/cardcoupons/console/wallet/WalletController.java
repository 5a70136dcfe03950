package com.cardcoupons.console.wallet;

import com.cardcoupons.console.Barcodes;
import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wallet of one usage medium, for a consumer channel (the web site, the app, the TV receiver's backend): look
 * up the medium's coupons, and acquire one by the campaign's code, as printed in an advertisement or shown on air.
 * The number is posted with each action and kept nowhere by the console.
 */
@Controller
class WalletController {

    private final Gateway gateway;
    private final Barcodes barcodes;

    WalletController(Gateway gateway, Barcodes barcodes) {
        this.gateway = gateway;
        this.barcodes = barcodes;
    }

    @GetMapping("/console/wallet")
    String wallet(Model model) {
        model.addAttribute("form", new MediumForm("CREDIT", "", "", ""));
        return "wallet/wallet";
    }

    @PostMapping("/console/wallet")
    String lookUp(MediumForm form, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("form", form);
        try {
            show(gateway.as(user.apiKey()).post("/api/v1/wallet/lookup", Map.of("medium", form.medium()), null), model);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.renamed(MediumForm::inputOf));
        }
        return "wallet/wallet";
    }

    @PostMapping("/console/wallet/acquisitions")
    String acquire(MediumForm form, @RequestParam String campaignCode, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("campaignCode", campaignCode);
        Gateway.Calls api = gateway.as(user.apiKey());
        Map<String, Object> body = new LinkedHashMap<>(form.medium());
        // the compact request of a campaign code takes the medium's fields beside the code
        body.put("campaignCode", campaignCode.trim());
        try {
            Map<String, Object> coupon = api.post("/api/v1/acquisitions/broadcast", body);
            model.addAttribute("notice", "Acquired: " + coupon.get("code") + ".");
            model.addAttribute("campaignCode", "");
            show(api.post("/api/v1/wallet/lookup", Map.of("medium", form.medium()), null), model);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.renamed(MediumForm::inputOf));
        }
        return "wallet/wallet";
    }

    /** The wallet, with each coupon's code as a QR code to show at the till. */
    private void show(Map<String, Object> wallet, Model model) {
        Map<String, String> qrCodes = new LinkedHashMap<>();
        if (wallet.get("coupons") instanceof List<?> coupons) {
            for (Object coupon : coupons) {
                String code = String.valueOf(((Map<?, ?>) coupon).get("code"));
                qrCodes.put(code, barcodes.qr(code));
            }
        }
        model.addAttribute("wallet", wallet);
        model.addAttribute("qrCodes", qrCodes);
    }
}
