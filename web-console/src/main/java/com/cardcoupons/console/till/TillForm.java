package com.cardcoupons.console.till;

import com.cardcoupons.console.MoneyFormat;
import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.signin.ConsoleUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cashier has typed: the medium (a card number, or a point or mileage program and member number), the
 * card's expiry for a payment, and the basket. The page posts all of it with every action, so the card number is
 * never kept by the console between requests.
 */
public record TillForm(String mediumType, String cardNumber, String program, String memberNumber, String expiry,
                String currency, boolean explain, List<Line> lines) {

    static TillForm empty() {
        return new TillForm("CREDIT", "", "", "", "2030-12", "JPY", true,
                List.of(new Line("APPLE-1", "FRESH", "2", "1200"), Line.blank(), Line.blank()));
    }

    static TillForm of(Map<String, String[]> parameters) {
        List<Line> lines = new ArrayList<>();
        String[] skus = parameters.getOrDefault("sku", new String[0]);
        for (int i = 0; i < skus.length; i++) {
            lines.add(new Line(skus[i], at(parameters, "category", i), at(parameters, "quantity", i), at(parameters, "unitPrice", i)));
        }
        if (lines.isEmpty()) {
            lines.add(Line.blank());
        }
        return new TillForm(first(parameters, "mediumType", "CREDIT"), first(parameters, "cardNumber", ""),
                first(parameters, "program", ""), first(parameters, "memberNumber", ""), first(parameters, "expiry", ""),
                first(parameters, "currency", "JPY"), parameters.containsKey("explain"), List.copyOf(lines));
    }

    /** What the browser should already have refused, checked again: each problem names its input. */
    List<ApiProblem.FieldError> mistakes() {
        List<ApiProblem.FieldError> mistakes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.sku().isBlank()) {
                continue;
            }
            if (!line.quantity().trim().matches("[1-9][0-9]{0,4}")) {
                mistakes.add(new ApiProblem.FieldError("basket[" + i + "].quantity", "INVALID_QUANTITY", "a whole number from 1"));
            }
            try {
                if (MoneyFormat.minorUnits(line.unitPrice(), currency) <= 0) {
                    mistakes.add(new ApiProblem.FieldError("basket[" + i + "].unitPrice", "INVALID_PRICE", "a price above zero"));
                }
            } catch (RuntimeException notAPrice) {
                mistakes.add(new ApiProblem.FieldError("basket[" + i + "].unitPrice", "INVALID_PRICE",
                        "a price in " + currency + ", like 1200" + (currency.equals("JPY") ? "" : " or 12.50")));
            }
        }
        return mistakes;
    }

    boolean isCard() {
        return "CREDIT".equals(mediumType) || "DEBIT".equals(mediumType);
    }

    /** The medium as the API takes it. */
    Map<String, Object> medium() {
        Map<String, Object> medium = new LinkedHashMap<>();
        medium.put("type", mediumType);
        if (isCard()) {
            medium.put("cardNumber", cardNumber.trim());
        } else {
            medium.put("program", program.trim());
            medium.put("memberNumber", memberNumber.trim());
        }
        return medium;
    }

    /** The basket lines the cashier filled in, as the API takes them; a line without a SKU is left out. */
    List<Map<String, Object>> basket() {
        List<Map<String, Object>> basket = new ArrayList<>();
        for (Line line : lines) {
            if (!line.sku().isBlank()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("sku", line.sku().trim());
                item.put("category", line.category().trim());
                item.put("quantity", Integer.parseInt(line.quantity().trim()));
                item.put("unitPrice", money(MoneyFormat.minorUnits(line.unitPrice(), currency)));
                basket.add(item);
            }
        }
        return basket;
    }

    long totalMinor() {
        long total = 0;
        for (Map<String, Object> item : basket()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> price = (Map<String, Object>) item.get("unitPrice");
            total = Math.addExact(total, Math.multiplyExact((Integer) item.get("quantity"), (Long) price.get("amountMinor")));
        }
        return total;
    }

    Map<String, Object> total() {
        return money(totalMinor());
    }

    Map<String, Object> intendedUse(ConsoleUser till) {
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("merchantId", till.merchantId());
        use.put("storeId", till.storeId());
        use.put("terminalId", till.terminalId());
        use.put("amount", total());
        use.put("basket", basket());
        return use;
    }

    Map<String, Object> money(long minor) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amountMinor", minor);
        money.put("currency", currency);
        return money;
    }

    TillForm withLine() {
        List<Line> more = new ArrayList<>(lines);
        more.add(Line.blank());
        return new TillForm(mediumType, cardNumber, program, memberNumber, expiry, currency, explain, List.copyOf(more));
    }

    private static String first(Map<String, String[]> parameters, String name, String fallback) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? fallback : values[0];
    }

    private static String at(Map<String, String[]> parameters, String name, int index) {
        String[] values = parameters.get(name);
        return values == null || values.length <= index ? "" : values[index];
    }

    /** One basket line as typed: SKU, product category, quantity, unit price in major units. */
    public record Line(String sku, String category, String quantity, String unitPrice) {

        static Line blank() {
            return new Line("", "", "1", "");
        }
    }
}
