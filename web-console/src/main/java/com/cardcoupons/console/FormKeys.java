package com.cardcoupons.console;

import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A fresh {@code Idempotency-Key} for each form a page draws ({@code @formKeys.fresh()} in a template): the form
 * posts it back, and the console sends it with the mutating call, so a form posted twice changes things once.
 */
@Component("formKeys")
public class FormKeys {

    public String fresh() {
        return UUID.randomUUID().toString();
    }
}
