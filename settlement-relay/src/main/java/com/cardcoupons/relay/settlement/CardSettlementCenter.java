package com.cardcoupons.relay.settlement;

/**
 * The card settlement center (the acquirer and the card networks behind it), as the payment flow sees it. It speaks
 * ISO 8583 ({@link IsoSettlementCenter}); the flow knows nothing of the protocol.
 */
public interface CardSettlementCenter {

    /** Whether the relay is signed on, so that an authorization can be sent at all. */
    boolean signedOn();

    /**
     * Asks for an authorization and waits for the answer.
     *
     * @throws SettlementCenterNoAnswer when no answer came back in time, or the answer was unusable: the
     *                                  authorization may have been approved, so the caller must reverse it
     */
    AuthorizationAnswer authorize(AuthorizationMessage message);

    /**
     * Reverses an authorization, wholly or in part, and returns once the center acknowledged it. Safe to repeat;
     * safe also for an authorization that never arrived or was declined.
     *
     * @throws SettlementCenterNoAnswer when it was not acknowledged: send it again later
     * @throws ReversalRefused          when the center refused the message itself: sending it again will not help
     */
    void reverse(ReversalMessage message);
}
