package com.cardcoupons.console.till;

import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.signin.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The till. Every action posts the whole till (medium, basket) and answers the whole till again, with the outcome
 * of the action under it: the page works without keeping the card number anywhere but in the cashier's form.
 * With htmx only the till is swapped; without, the page is.
 */
@Controller
class TillController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,64}");

    private final Gateway gateway;

    TillController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/console/till")
    String till(Model model) {
        model.addAttribute("form", TillForm.empty());
        return "till/till";
    }

    @PostMapping("/console/till/lines")
    String addLine(HttpServletRequest request, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("form", TillForm.of(request.getParameterMap()).withLine());
        return view(htmx);
    }

    @PostMapping("/console/till/search")
    String search(HttpServletRequest request, @AuthenticationPrincipal ConsoleUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        TillForm form = TillForm.of(request.getParameterMap());
        act(form, model, "search", () -> gateway.as(user.apiKey()).post("/api/v1/searches",
                Map.of("medium", form.medium(), "intendedUse", form.intendedUse(user), "explain", form.explain())));
        return view(htmx);
    }

    /** Uses a coupon at once ({@code use}) or holds it for a payment ({@code reserve}). */
    @PostMapping("/console/till/{action:use|reserve}")
    String take(@PathVariable String action, @RequestParam String couponCode, HttpServletRequest request,
            @AuthenticationPrincipal ConsoleUser user, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        TillForm form = TillForm.of(request.getParameterMap());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId());
        body.put("couponCodes", List.of(couponCode));
        body.put("medium", form.medium());
        body.put("intendedUse", form.intendedUse(user));
        String path = action.equals("use") ? "/api/v1/redemptions" : "/api/v1/reservations";
        act(form, model, "reservation", () -> gateway.as(user.apiKey()).post(path, body));
        return view(htmx);
    }

    @PostMapping("/console/till/reservations/{reservationId}/{step:confirm|release}")
    String settle(@PathVariable UUID reservationId, @PathVariable String step, HttpServletRequest request,
            @AuthenticationPrincipal ConsoleUser user, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        TillForm form = TillForm.of(request.getParameterMap());
        act(form, model, "reservation", () -> gateway.as(user.apiKey())
                .post("/api/v1/reservations/" + reservationId + "/" + step, null));
        return view(htmx);
    }

    /** Pays the basket by the card through the settlement relay; the journal shows what happened, as it happens. */
    @PostMapping("/console/till/pay")
    String pay(HttpServletRequest request, @AuthenticationPrincipal ConsoleUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        TillForm form = TillForm.of(request.getParameterMap());
        String transaction = transactionId();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", form.cardNumber().trim());
        card.put("expiry", form.expiry().trim());
        card.put("type", form.mediumType());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transaction);
        body.put("merchantId", user.merchantId());
        body.put("storeId", user.storeId());
        body.put("terminalId", user.terminalId());
        body.put("card", card);
        body.put("amount", form.total());
        body.put("basket", form.basket());
        if (!form.isCard()) {
            model.addAttribute("form", form);
            model.addAttribute("problem", new ApiProblem(400, "NOT_A_PAYMENT_CARD", "only a credit or debit card pays", "mediumType", List.of()));
            return view(htmx);
        }
        act(form, model, "payment", () -> gateway.as(user.apiKey()).post("/api/v1/payments", body, transaction));
        return view(htmx);
    }

    @GetMapping("/console/till/payments/{paymentId}/journal")
    String journal(@PathVariable UUID paymentId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("journal", gateway.as(user.apiKey()).get("/api/v1/payments/" + paymentId + "/journal"));
        model.addAttribute("paymentId", paymentId);
        return "till/till :: journal";
    }

    @GetMapping("/console/till/slips/{code}.pdf")
    ResponseEntity<byte[]> slip(@PathVariable String code, @AuthenticationPrincipal ConsoleUser user) {
        return gateway.as(user.apiKey()).download("/api/v1/printing/slips/" + checked(code) + "?format=PDF");
    }

    @GetMapping("/console/till/barcodes/{code}.svg")
    ResponseEntity<byte[]> barcode(@PathVariable String code, @AuthenticationPrincipal ConsoleUser user) {
        return gateway.as(user.apiKey()).download("/api/v1/printing/barcodes/" + checked(code) + "?format=SVG&scale=2");
    }

    /** Runs one API call for the till, putting its answer, or its refusal on the inputs it names, in the model. */
    private void act(TillForm form, Model model, String outcome, Supplier<Map<String, Object>> call) {
        model.addAttribute("form", form);
        List<ApiProblem.FieldError> mistakes = form.mistakes();
        if (!mistakes.isEmpty()) {
            model.addAttribute("problem", new ApiProblem(400, "INVALID_BASKET", "the basket has mistakes", mistakes.get(0).field(), mistakes));
            return;
        }
        try {
            model.addAttribute(outcome, call.get());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.renamed(TillController::inputOf));
        }
    }

    /** The till's input an API field is about: the medium's and the card's number are one input, and so on. */
    static String inputOf(String field) {
        String input = field.replaceFirst("^intendedUse\\.", "").replaceFirst("^medium\\.", "");
        return switch (input) {
            case "card.number" -> "cardNumber";
            case "card.expiry" -> "expiry";
            case "card.type", "type" -> "mediumType";
            default -> input;
        };
    }

    private static String view(String htmx) {
        return htmx == null ? "till/till" : "till/till :: till";
    }

    private static String transactionId() {
        return "WEB-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private static String checked(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new ApiProblem(400, "INVALID_COUPON_CODE", "not a coupon code", null, List.of());
        }
        return code;
    }
}
