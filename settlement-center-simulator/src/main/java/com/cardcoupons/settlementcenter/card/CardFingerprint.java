package com.cardcoupons.settlementcenter.card;

/** A card as the simulator remembers it: a keyed hash of its number and its last four digits, never the number. */
public record CardFingerprint(String hash, String lastFour) {

    @Override
    public String toString() {
        return "****" + lastFour;
    }
}
