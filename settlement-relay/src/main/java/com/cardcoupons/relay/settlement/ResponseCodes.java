package com.cardcoupons.relay.settlement;

import java.util.Map;
import java.util.Optional;

/**
 * What each ISO 8583 (1987) response code in field 39 of an 0110 means for the payment. Approvals hold funds; every
 * other listed code holds nothing. A code not listed here is not trusted either way: the answer counts as none, and
 * the authorization is reversed. The table is in docs/iso8583.md.
 */
final class ResponseCodes {

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            approved("00"), approved("08"), approved("11"),
            entry("01", AuthorizationAnswer.Outcome.REFERRED, "REFER_TO_CARD_ISSUER"),
            entry("02", AuthorizationAnswer.Outcome.REFERRED, "REFER_TO_CARD_ISSUER_SPECIAL_CONDITION"),
            entry("03", AuthorizationAnswer.Outcome.DECLINED, "INVALID_MERCHANT"),
            entry("04", AuthorizationAnswer.Outcome.DECLINED, "PICK_UP_CARD"),
            entry("05", AuthorizationAnswer.Outcome.DECLINED, "DO_NOT_HONOUR"),
            entry("07", AuthorizationAnswer.Outcome.DECLINED, "PICK_UP_CARD_SPECIAL_CONDITION"),
            entry("12", AuthorizationAnswer.Outcome.DECLINED, "INVALID_TRANSACTION"),
            entry("13", AuthorizationAnswer.Outcome.DECLINED, "INVALID_AMOUNT"),
            entry("14", AuthorizationAnswer.Outcome.DECLINED, "INVALID_CARD_NUMBER"),
            entry("15", AuthorizationAnswer.Outcome.DECLINED, "NO_SUCH_ISSUER"),
            entry("41", AuthorizationAnswer.Outcome.DECLINED, "LOST_CARD"),
            entry("43", AuthorizationAnswer.Outcome.DECLINED, "STOLEN_CARD"),
            entry("51", AuthorizationAnswer.Outcome.DECLINED, "INSUFFICIENT_FUNDS"),
            entry("54", AuthorizationAnswer.Outcome.DECLINED, "EXPIRED_CARD"),
            entry("57", AuthorizationAnswer.Outcome.DECLINED, "NOT_PERMITTED_TO_CARDHOLDER"),
            entry("58", AuthorizationAnswer.Outcome.DECLINED, "NOT_PERMITTED_TO_TERMINAL"),
            entry("59", AuthorizationAnswer.Outcome.DECLINED, "SUSPECTED_FRAUD"),
            entry("61", AuthorizationAnswer.Outcome.DECLINED, "EXCEEDS_AMOUNT_LIMIT"),
            entry("62", AuthorizationAnswer.Outcome.DECLINED, "RESTRICTED_CARD"),
            entry("65", AuthorizationAnswer.Outcome.DECLINED, "EXCEEDS_FREQUENCY_LIMIT"),
            entry("06", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "ERROR"),
            entry("30", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "FORMAT_ERROR"),
            entry("68", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "RESPONSE_RECEIVED_TOO_LATE"),
            entry("91", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "ISSUER_INOPERATIVE"),
            entry("92", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "ROUTING_IMPOSSIBLE"),
            entry("94", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "DUPLICATE_TRANSMISSION"),
            entry("96", AuthorizationAnswer.Outcome.SYSTEM_ERROR, "SYSTEM_MALFUNCTION"));

    private ResponseCodes() {
    }

    /** The answer an 0110 with this response code gives; empty for a code that cannot be trusted. */
    static Optional<AuthorizationAnswer> answer(String responseCode, String authorizationCode) {
        Meaning meaning = MEANINGS.get(responseCode);
        if (meaning == null) {
            return Optional.empty();
        }
        if (meaning.outcome() == null) {
            return authorizationCode == null || authorizationCode.isBlank() ? Optional.empty()
                    : Optional.of(new AuthorizationAnswer.Approved(authorizationCode.strip()));
        }
        return Optional.of(new AuthorizationAnswer.Declined(meaning.outcome(), responseCode, meaning.reason()));
    }

    /** Every listed code with its meaning, for the documentation test. */
    static Map<String, Meaning> all() {
        return MEANINGS;
    }

    /** An outcome (none for an approval) and the reason's name. */
    record Meaning(AuthorizationAnswer.Outcome outcome, String reason) {
    }

    private static Map.Entry<String, Meaning> approved(String code) {
        return Map.entry(code, new Meaning(null, "APPROVED"));
    }

    private static Map.Entry<String, Meaning> entry(String code, AuthorizationAnswer.Outcome outcome, String reason) {
        return Map.entry(code, new Meaning(outcome, reason));
    }
}
