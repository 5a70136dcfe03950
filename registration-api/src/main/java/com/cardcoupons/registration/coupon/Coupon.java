package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.campaign.CampaignState;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon acquired on a usage medium under one campaign version, whose terms it keeps. Known by the medium's token,
 * never by its number. {@code usesHeld} counts the uses reserved or confirmed at a till.
 */
public record Coupon(UUID id, CouponCode code, UUID campaignId, UUID versionId, TokenizedMedium medium, Channel channel,
                     int usesAllowed, int usesHeld, Instant acquiredAt, Instant expiresAt, Instant cancelledAt) {

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public boolean isUsedUp() {
        return usesHeld >= usesAllowed;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public int usesLeft() {
        return Math.max(0, usesAllowed - usesHeld);
    }

    /** The first that applies: cancelled, used up, expired, campaign ended, campaign suspended, else active. */
    public WalletState walletState(Instant now, CampaignState campaign) {
        if (isCancelled()) {
            return WalletState.CANCELLED;
        }
        if (isUsedUp()) {
            return WalletState.USED_UP;
        }
        if (isExpired(now)) {
            return WalletState.EXPIRED;
        }
        if (campaign == CampaignState.ENDED) {
            return WalletState.ENDED;
        }
        return campaign == CampaignState.SUSPENDED ? WalletState.SUSPENDED : WalletState.ACTIVE;
    }
}
