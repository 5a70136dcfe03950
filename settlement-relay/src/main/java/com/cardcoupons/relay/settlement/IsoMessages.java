package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

import java.time.Instant;

/**
 * The relay's messages as ISO 8583 (1987) field values; jPOS packs them. docs/iso8583.md lists every field with its
 * format and source, and shows each message packed by the real packager.
 */
final class IsoMessages {

    /** Processing code: purchase (goods and services) from the default account. */
    static final String PURCHASE = "000000";
    /** Point of service entry mode: not known to the relay (the till read the card). */
    private static final String ENTRY_MODE_UNSPECIFIED = "000";
    /** Point of service condition code: normal presentment. */
    private static final String NORMAL_PRESENTMENT = "00";

    private IsoMessages() {
    }

    /** 0100: fields 2, 3, 4, 7, 11, 14, 22, 25, 32, 37, 41, 42, 49. */
    static ISOMsg authorization(AuthorizationMessage message, String acquiringInstitution) throws ISOException {
        MessageTrace trace = message.trace();
        ISOMsg iso = new ISOMsg("0100");
        iso.set(2, message.card().number().digitsForTheWire());
        iso.set(3, PURCHASE);
        iso.set(4, amount(message.amount()));
        iso.set(7, trace.transmissionDateTime());
        iso.set(11, trace.stan());
        iso.set(14, String.format("%02d%02d", message.card().expiry().getYear() % 100, message.card().expiry().getMonthValue()));
        iso.set(22, ENTRY_MODE_UNSPECIFIED);
        iso.set(25, NORMAL_PRESENTMENT);
        iso.set(32, acquiringInstitution);
        iso.set(37, trace.retrievalReference());
        iso.set(41, trace.terminal());
        iso.set(42, trace.merchant());
        iso.set(49, currency(message.amount()));
        return iso;
    }

    /**
     * 0400, 0420 or 0421: fields 3, 4 (the original amount), 7, 11 (the reversal's own STAN), 32, 37 (the original's
     * RRN), 41, 42, 49, 90 (the original's MTI, STAN, transmission date and time, and acquirer) and, for a partial
     * reversal, 95 (the amount that stays authorized).
     */
    static ISOMsg reversal(ReversalMessage message, String acquiringInstitution, Instant now) throws ISOException {
        MessageTrace original = message.original();
        ISOMsg iso = new ISOMsg(message.type().messageType());
        iso.set(3, PURCHASE);
        iso.set(4, amount(message.amount()));
        iso.set(7, MessageTrace.of(original.terminal(), original.merchant(), Integer.parseInt(message.stan()), now)
                .transmissionDateTime());
        iso.set(11, message.stan());
        iso.set(25, NORMAL_PRESENTMENT);
        iso.set(32, acquiringInstitution);
        iso.set(37, original.retrievalReference());
        iso.set(41, original.terminal());
        iso.set(42, original.merchant());
        iso.set(49, currency(message.amount()));
        iso.set(90, "0100" + original.stan() + original.transmissionDateTime()
                + String.format("%011d", Long.parseLong(acquiringInstitution)) + "0".repeat(11));
        if (message.replacement() != null) {
            // actual transaction amount, actual settlement amount (not known to the acquirer), and no fees
            iso.set(95, amount(message.replacement()) + "0".repeat(12) + "D00000000" + "D00000000");
        }
        return iso;
    }

    /** Field 4: the amount in the currency's minor unit, twelve digits. */
    static String amount(Money money) {
        return String.format("%012d", money.amountMinor());
    }

    /** Field 49: the ISO 4217 numeric code. */
    static String currency(Money money) {
        return String.format("%03d", money.currency().getNumericCode());
    }
}
