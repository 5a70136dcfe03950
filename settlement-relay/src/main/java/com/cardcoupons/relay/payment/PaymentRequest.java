package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A credit-settlement terminal's payment (claim 8): its own transaction id, where it stands, the card read, the
 * amount and the basket. The merchant, store and terminal must be the ones the calling terminal is bound to.
 */
record PaymentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String transactionId,
        @NotNull UUID merchantId,
        @NotNull UUID storeId,
        @NotNull UUID terminalId,
        @NotNull @Valid PresentedCard card,
        @NotNull Money amount,
        @Valid @Size(max = 500) List<@NotNull BasketLine> basket) {

    PaymentRequest {
        // not List.copyOf: a null line must reach Bean Validation, which names it, rather than fail here
        basket = basket == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(basket));
    }

    /** Refuses a terminal paying in another terminal's name, and amounts no card can be charged. */
    void requireSendableBy(CallerIdentity terminal) {
        if (!terminalId.equals(terminal.terminalId())) {
            throw forbidden("terminalId", "this is another terminal's id");
        }
        if (!storeId.equals(terminal.storeId())) {
            throw forbidden("storeId", "the terminal is installed in another store");
        }
        if (!merchantId.equals(terminal.merchantId())) {
            throw forbidden("merchantId", "the terminal belongs to another merchant");
        }
        if (amount.isZero()) {
            throw DomainException.invalid("AMOUNT_NOT_POSITIVE", "amount.amountMinor", "a payment must be for more than zero");
        }
        for (int i = 0; i < basket.size(); i++) {
            if (!basket.get(i).unitPrice().sameCurrencyAs(amount)) {
                throw DomainException.invalid("CURRENCY_MISMATCH", "basket[" + i + "].unitPrice.currency",
                        "basket lines must be in the payment's currency, " + amount.currency().getCurrencyCode());
            }
        }
    }

    private static DomainException forbidden(String field, String message) {
        return new DomainException(DomainException.Kind.FORBIDDEN, "OTHER_TERMINAL", field, message);
    }
}
