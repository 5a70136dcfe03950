package com.cardcoupons.relay.settlement;

/**
 * The relay is not signed on to the settlement center (the host is down, or the connection is being made again):
 * nothing was sent. Payments are refused at once, before anything is searched, held or recorded.
 */
public class SettlementCenterUnavailable extends RuntimeException {

    public SettlementCenterUnavailable() {
        super("the card settlement center is not reachable; no payment can be taken now", null, false, false);
    }
}
