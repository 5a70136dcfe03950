package com.cardcoupons.console;

import org.springframework.stereotype.Component;

import java.util.List;

/** The fixed choices of the forms, as the API names them; templates call it as {@code @choices}. */
@Component("choices")
public class Choices {

    public List<String> media() {
        return List.of("CREDIT", "DEBIT", "POINT", "MILEAGE");
    }

    public List<String> benefitTypes() {
        return List.of("FREE_ITEM", "EXTRA_POINTS", "EXTRA_MILES", "SERVICE");
    }

    public List<String> keyKinds() {
        return List.of("TERMINAL", "MERCHANT", "APPROVER", "CONSUMER_CHANNEL", "PLATFORM_ADMIN");
    }

    public List<String> channels() {
        return List.of("MOBILE_APP", "WEB", "DIGITAL_BROADCAST");
    }
}
