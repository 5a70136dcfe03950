package com.cardcoupons.registration.merchant;

/** Only an ACTIVE terminal's keys work at the gateway; decommissioning is for good. */
public enum TerminalStatus {
    ACTIVE,
    DECOMMISSIONED
}
