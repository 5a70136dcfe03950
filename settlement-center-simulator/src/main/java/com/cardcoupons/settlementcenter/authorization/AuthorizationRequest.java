package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.YearMonth;

/**
 * A request to authorize an amount on a card. The sender chooses {@code authorizationId}, unique per message: a
 * repeat of it is answered as the first was, and a reversal names it even when no answer ever came back.
 */
public record AuthorizationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String authorizationId,
        @NotNull @Valid Acceptor acceptor,
        @NotNull @Valid Card card,
        @NotNull @Valid Amount amount) {

    /** The merchant and terminal the card was presented at. */
    public record Acceptor(@NotBlank @Size(max = 64) String merchantId, @NotBlank @Size(max = 64) String terminalId) {
    }

    /** The card as read at the terminal. Its number is fingerprinted on arrival and never kept or logged. */
    public record Card(@NotBlank @Size(max = 32) String number, @NotNull YearMonth expiry) {

        @Override
        public String toString() {
            return "Card[****, " + expiry + "]";
        }
    }
}
