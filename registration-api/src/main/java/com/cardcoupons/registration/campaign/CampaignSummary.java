package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.terminal.CouponKind;

import java.time.Instant;
import java.util.UUID;

/** A campaign in a list: its state, the live and pending version numbers, and the title coupons show. */
public record CampaignSummary(UUID id, UUID merchantId, String shortCode, CampaignState state, String title,
                              CouponKind kind, Integer liveVersion, Integer pendingVersion, int acquiredCount,
                              Instant updatedAt) {
}
