package com.cardcoupons.settlementcenter.card;

import com.cardcoupons.settlementcenter.Amount;

import java.util.Map;
import java.util.TreeMap;

/**
 * One card's standing at its issuer: its credit limit, whether it is blocked, and the funds its approved
 * authorizations hold, per currency. Every method holds the account's lock, so two authorizations racing for the
 * last of the limit cannot both win.
 */
public final class CardAccount {

    private final Map<String, Long> held = new TreeMap<>();
    private long limitMinor;
    private boolean blocked;

    CardAccount(long limitMinor, boolean blocked) {
        this.limitMinor = limitMinor;
        this.blocked = blocked;
    }

    public synchronized boolean isBlocked() {
        return blocked;
    }

    /** Holds the amount if it fits under the limit; false when it would exceed it. */
    public synchronized boolean hold(Amount amount) {
        long already = held.getOrDefault(amount.currency(), 0L);
        if (amount.amountMinor() > limitMinor - already) {
            return false;
        }
        held.put(amount.currency(), already + amount.amountMinor());
        return true;
    }

    /** Gives back what an approved authorization held, when it is reversed or forgotten. */
    public synchronized void release(Amount amount) {
        long remaining = held.getOrDefault(amount.currency(), 0L) - amount.amountMinor();
        if (remaining < 0) {
            throw new IllegalStateException("released more than was held in " + amount.currency());
        }
        held.put(amount.currency(), remaining);
    }

    synchronized void configure(Long newLimitMinor, Boolean newBlocked) {
        if (newLimitMinor != null) {
            limitMinor = newLimitMinor;
        }
        if (newBlocked != null) {
            blocked = newBlocked;
        }
    }

    synchronized CardAccountView view(CardFingerprint card) {
        return new CardAccountView(card.lastFour(), limitMinor, blocked, Map.copyOf(held));
    }
}
