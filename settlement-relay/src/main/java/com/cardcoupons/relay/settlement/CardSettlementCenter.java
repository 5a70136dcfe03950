package com.cardcoupons.relay.settlement;

/**
 * The card settlement center (the acquirer and the card networks behind it), as the payment flow sees it. The
 * simulator's HTTP protocol implements it here; a real acquirer connection (ISO 8583 over TCP, or an acquirer's REST
 * API) would be another implementation, and the flow would not change.
 */
public interface CardSettlementCenter {

    /**
     * Asks for an authorization and waits for the answer.
     *
     * @throws SettlementCenterNoAnswer when no answer came back in time, or the answer was unusable: the
     *                                  authorization may have been approved, so the caller must reverse it
     */
    AuthorizationAnswer authorize(AuthorizationMessage message);

    /**
     * Reverses an authorization, named by the id it was sent with, and returns once the center acknowledged it.
     * Safe to repeat; safe also for an authorization that never arrived or was declined.
     *
     * @throws SettlementCenterNoAnswer when it was not acknowledged: send it again later
     * @throws ReversalRefused          when the center refused the message itself: sending it again will not help
     */
    void reverse(ReversalMessage message);
}
