package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.InvalidMessage;
import com.cardcoupons.settlementcenter.card.CardAccountView;
import com.cardcoupons.settlementcenter.card.CardAccounts;
import com.cardcoupons.settlementcenter.card.CardFingerprint;
import com.cardcoupons.settlementcenter.card.CardFingerprints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sets up and inspects cards for tests and demos: limits, blocks, the funds held, and the authorizations each card
 * received. Card numbers travel in request bodies, never in a URL, so they cannot end up in an access log.
 */
@RestController
@RequestMapping("/admin/cards")
class CardAdminController {

    private final CardAccounts accounts;
    private final CardFingerprints fingerprints;
    private final Issuer issuer;

    CardAdminController(CardAccounts accounts, CardFingerprints fingerprints, Issuer issuer) {
        this.accounts = accounts;
        this.fingerprints = fingerprints;
        this.issuer = issuer;
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

    /** A card's limit, block and funds held per currency, and the authorizations it received, oldest first. */
    record CardView(String lastFour, long limitMinor, boolean blocked, Map<String, Long> heldMinor,
            List<AuthorizationView> authorizations) {
    }

    /** One authorization: the terminal (field 41), STAN (11) and RRN (37) it came with, and where it stands. */
    record AuthorizationView(String terminalId, String stan, String retrievalReference, long amountMinor,
            String currency, Authorization.State state, String responseCode, String approvalCode, Instant decidedAt) {

        static AuthorizationView of(Authorization authorization) {
            return new AuthorizationView(authorization.terminalId(), authorization.stan(),
                    authorization.retrievalReference(), authorization.amount().amountMinor(),
                    authorization.amount().currency(), authorization.state(), authorization.responseCode().iso(),
                    authorization.approvalCode(), authorization.decidedAt());
        }
    }

    @PutMapping
    CardAccountView configure(@Valid @RequestBody CardSettings settings) {
        return accounts.configure(fingerprint(settings.number()), settings.limitMinor(), settings.blocked());
    }

    @PostMapping("/query")
    CardView query(@Valid @RequestBody CardQuery query) {
        CardFingerprint card = fingerprint(query.number());
        CardAccountView account = accounts.view(card);
        return new CardView(account.lastFour(), account.limitMinor(), account.blocked(), account.heldMinor(),
                issuer.of(card).stream().map(AuthorizationView::of).toList());
    }

    private CardFingerprint fingerprint(String number) {
        return fingerprints.of(number).orElseThrow(() ->
                new InvalidMessage("INVALID_CARD_NUMBER", "number must be 12 to 19 digits passing the Luhn check"));
    }
}
