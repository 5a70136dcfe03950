package com.cardcoupons.model.medium;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns a usage medium's ID into a keyed HMAC-SHA256 token at the edge of every service, so that no card or member
 * number is ever stored, logged or returned. Cards are keyed by PAN alone, so a card is the same carrier whether a
 * terminal reads it as credit or debit; loyalty cards are keyed by program and member number.
 */
public final class UsageMediumTokenizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    // a keyed Mac per thread: looking one up and keying it on every call costs more than the HMAC itself
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    public UsageMediumTokenizer(byte[] keyBytes) {
        if (keyBytes == null || keyBytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the card token key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
    }

    public TokenizedMedium tokenize(UsageMediumId medium) {
        if (medium.type().isPaymentCard()) {
            CardNumber card = medium.cardNumber();
            return new TokenizedMedium(hmac("card:" + card.digits()), medium.type(), card.lastFour(), card.brand(), null);
        }
        String member = medium.memberNumber();
        return new TokenizedMedium(hmac("member:" + medium.program() + ":" + member), medium.type(),
                member.substring(member.length() - 4), null, medium.program());
    }

    private CardToken hmac(String identifier) {
        byte[] digest = macs.get().doFinal(identifier.getBytes(StandardCharsets.US_ASCII));
        return new CardToken(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
