package com.cardcoupons.settlementcenter.authorization;

/** What a reversal found. Every result but {@link #REFUSED} is acknowledged with response code 00. */
public enum ReversalResult {
    /** The authorization was approved and is now undone: its funds are released. */
    REVERSED,
    /** The authorization stays approved for the replacement amount; the rest of its funds are released. */
    PARTIALLY_REVERSED,
    /** A repeat of a reversal already done. */
    ALREADY_REVERSED,
    /**
     * The authorization was declined, or has not arrived (it never will be approved: if it arrives late it is
     * declined), or was forgotten.
     */
    NOTHING_TO_REVERSE,
    /** The reversal does not fit its authorization (another amount, or a replacement not below it): code 13. */
    REFUSED
}
