package com.cardcoupons.console.merchant;

import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One merchant's page: the merchant, its stores and terminals, and the latest of its audit trail, as the signed-in
 * user's key may read them. The operator's forms are on it too; the controllers that take them draw it again, with
 * the refusal, when the API refuses one.
 */
@Component
class MerchantPage {

    static final int AUDIT_SHOWN = 20;

    private final Gateway gateway;

    MerchantPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @SuppressWarnings("unchecked")
    String render(UUID merchantId, ConsoleUser user, Model model) {
        Gateway.Calls api = gateway.as(user.apiKey());
        String base = "/api/v1/merchants/" + merchantId;
        Map<String, Object> merchant = api.get(base);
        List<Object> stores = (List<Object>) api.get(base + "/stores").get("stores");
        Map<String, Object> storesById = new LinkedHashMap<>();
        stores.forEach(store -> storesById.put(String.valueOf(((Map<String, Object>) store).get("id")), store));
        model.addAttribute("merchant", merchant);
        model.addAttribute("stores", stores);
        model.addAttribute("storesById", storesById);
        model.addAttribute("terminals", api.get(base + "/terminals").get("terminals"));
        model.addAttribute("audit", api.get(base + "/audit?limit=" + AUDIT_SHOWN).get("entries"));
        model.addAttribute("operator", user.role() == ConsoleUser.Role.PLATFORM_ADMIN);
        model.addAttribute("active", "ACTIVE".equals(merchant.get("status")));
        if (!model.containsAttribute("rename")) {
            model.addAttribute("rename", new MerchantController.NameForm(String.valueOf(merchant.get("name")), null));
        }
        if (!model.containsAttribute("closure")) {
            model.addAttribute("closure", new MerchantController.ClosureForm("", null));
        }
        if (!model.containsAttribute("install")) {
            model.addAttribute("install", new TerminalController.InstallForm("", "", "", null));
        }
        return "merchants/merchant";
    }
}
