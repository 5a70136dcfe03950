package com.cardcoupons.registration.campaign;

import java.util.UUID;

/**
 * A campaign's issue count: how many of its coupons are acquired and not cancelled ({@code campaign_issue}), kept
 * within its cap by conditional statements, the one way it is written.
 */
public interface IssueCounts {

    /**
     * Counts one more coupon of the campaign, if it is still approved with this live version and below the cap (none
     * when null): true, or false, counting nothing. Concurrent acquisitions wait for the count's row lock and then
     * re-check the cap against the committed count, so the cap holds. What this transaction read before is forgotten,
     * so a read after this one sees the campaign as committed.
     */
    boolean takeCoupon(UUID campaignId, int liveVersion, Integer totalCap);

    /** A cancelled coupon counts no more towards the cap. */
    void giveBackCoupon(UUID campaignId);
}
