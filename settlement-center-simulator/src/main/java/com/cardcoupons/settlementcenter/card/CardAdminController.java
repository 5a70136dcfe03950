package com.cardcoupons.settlementcenter.card;

import com.cardcoupons.settlementcenter.InvalidMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets up and inspects cards for tests and demos. Card numbers travel in request bodies, never in a URL, so they
 * cannot end up in an access log.
 */
@RestController
@RequestMapping("/admin/cards")
class CardAdminController {

    private final CardAccounts accounts;
    private final CardFingerprints fingerprints;

    CardAdminController(CardAccounts accounts, CardFingerprints fingerprints) {
        this.accounts = accounts;
        this.fingerprints = fingerprints;
    }

    record CardSettings(@NotBlank String number, @PositiveOrZero Long limitMinor, Boolean blocked) {

        @Override
        public String toString() {
            return "CardSettings[****, " + limitMinor + ", " + blocked + "]";
        }
    }

    record CardQuery(@NotBlank String number) {

        @Override
        public String toString() {
            return "CardQuery[****]";
        }
    }

    @PutMapping
    CardAccountView configure(@Valid @RequestBody CardSettings settings) {
        return accounts.configure(fingerprint(settings.number()), settings.limitMinor(), settings.blocked());
    }

    @PostMapping("/query")
    CardAccountView query(@Valid @RequestBody CardQuery query) {
        return accounts.view(fingerprint(query.number()));
    }

    private CardFingerprint fingerprint(String number) {
        return fingerprints.of(number).orElseThrow(() ->
                new InvalidMessage("INVALID_CARD_NUMBER", "number must be 12 to 19 digits passing the Luhn check"));
    }
}
