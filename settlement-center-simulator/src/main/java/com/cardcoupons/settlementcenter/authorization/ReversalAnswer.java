package com.cardcoupons.settlementcenter.authorization;

/** The acknowledgement of a reversal: every result means the authorization no longer holds funds. */
public record ReversalAnswer(String authorizationId, Result result) {

    /** What the reversal found. */
    public enum Result {
        /** The authorization was approved and is now reversed: its funds are released. */
        REVERSED,
        /** A repeat of a reversal already done. */
        ALREADY_REVERSED,
        /**
         * The authorization was declined, or has not arrived (it never will be approved: if it arrives late it is
         * declined), or was forgotten.
         */
        NOTHING_TO_REVERSE
    }
}
