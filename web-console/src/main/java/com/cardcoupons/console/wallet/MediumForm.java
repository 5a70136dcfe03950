package com.cardcoupons.console.wallet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A usage medium as the consumer types it: a card number, or a point or mileage program and member number. */
public record MediumForm(String mediumType, String cardNumber, String program, String memberNumber) {

    static final List<String> TYPES = List.of("CREDIT", "DEBIT", "POINT", "MILEAGE");

    public MediumForm {
        mediumType = TYPES.contains(mediumType) ? mediumType : "CREDIT";
        cardNumber = cardNumber == null ? "" : cardNumber.trim();
        program = program == null ? "" : program.trim();
        memberNumber = memberNumber == null ? "" : memberNumber.trim();
    }

    boolean isCard() {
        return mediumType.equals("CREDIT") || mediumType.equals("DEBIT");
    }

    Map<String, Object> medium() {
        Map<String, Object> medium = new LinkedHashMap<>();
        medium.put("type", mediumType);
        if (isCard()) {
            medium.put("cardNumber", cardNumber);
        } else {
            medium.put("program", program);
            medium.put("memberNumber", memberNumber);
        }
        return medium;
    }

    /** The wallet's input an API field is about. */
    static String inputOf(String field) {
        String input = field.replaceFirst("^medium\\.", "");
        return input.equals("type") ? "mediumType" : input;
    }
}
