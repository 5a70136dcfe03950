package com.cardcoupons.registration.acquisition;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.registration.FieldPath;
import com.cardcoupons.registration.campaign.Campaign;
import com.cardcoupons.registration.campaign.CampaignState;
import com.cardcoupons.registration.campaign.CampaignVersion;
import com.cardcoupons.registration.campaign.Campaigns;
import com.cardcoupons.registration.coupon.CardHoldings;
import com.cardcoupons.registration.coupon.Channel;
import com.cardcoupons.registration.coupon.Coupon;
import com.cardcoupons.registration.coupon.CouponCode;
import com.cardcoupons.registration.coupon.Coupons;
import com.cardcoupons.registration.coupon.HeldCoupon;
import com.cardcoupons.registration.webhook.WebhookEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Registers the acquisition of a coupon against a usage medium: the campaign must be approved and inside its window
 * and accept the medium; the campaign's total cap and the medium's limit are counted by conditional updates; the
 * coupon gets a fresh code and the terms of the live version, and records its channel, which the usage reports read.
 * All of it commits together or not at all.
 */
@Component
class CouponAcquisition {

    private static final int ATTEMPTS = 3;

    private final Campaigns campaigns;
    private final CardHoldings holdings;
    private final Coupons coupons;
    private final AcquisitionProperties properties;
    private final WebhookEvents events;
    private final Clock clock;

    CouponAcquisition(Campaigns campaigns, CardHoldings holdings, Coupons coupons, AcquisitionProperties properties,
                      WebhookEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.holdings = holdings;
        this.coupons = coupons;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    HeldCoupon acquire(Campaign campaign, TokenizedMedium medium, Channel channel, AcquisitionFields fields) {
        Instant now = clock.instant();
        Campaign current = campaign;
        for (int attempt = 1; ; attempt++) {
            CampaignVersion version = acquirableVersion(current, medium, now, fields);
            if (campaigns.takeCoupon(current.id(), version.number(), version.terms().limits().totalCap())) {
                return issue(current, version, medium, channel, now, fields);
            }
            // the campaign changed since it was read (a decision, a new live version) or its cap is reached; the
            // count left nothing of what was read in this transaction, so this reads the campaign afresh
            Campaign fresh = campaigns.findById(current.id()).orElseThrow();
            boolean unchanged = fresh.state() == CampaignState.APPROVED
                    && Objects.equals(fresh.liveVersionNumber(), version.number());
            if (unchanged || attempt == ATTEMPTS) {
                throw new DomainException(Kind.CONFLICT, "CAMPAIGN_CAP_EXHAUSTED", fields.campaign(),
                        "every coupon of this campaign has been acquired");
            }
            current = fresh;
        }
    }

    private static CampaignVersion acquirableVersion(Campaign campaign, TokenizedMedium medium, Instant now,
                                                     AcquisitionFields fields) {
        CampaignVersion version = FieldPath.at(fields.campaign(), () -> campaign.acquirableVersion(now));
        FieldPath.at(fields.mediumPath(), () -> {
            version.terms().media().requireAccepted(medium.type(), medium.brand());
            return version;
        });
        return version;
    }

    private HeldCoupon issue(Campaign campaign, CampaignVersion version, TokenizedMedium medium, Channel channel,
                             Instant now, AcquisitionFields fields) {
        int perCardLimit = version.terms().limits().perCardLimit();
        if (!holdings.take(campaign.id(), medium.token(), perCardLimit)) {
            throw new DomainException(Kind.CONFLICT, "PER_CARD_LIMIT_REACHED", fields.medium(),
                    "this card already holds " + perCardLimit + " coupon(s) of this campaign, the most it may");
        }
        Coupon coupon = mint(campaign, version, medium, channel, now);
        events.couponAcquired(coupon, campaign.merchantId());
        return new HeldCoupon(coupon, version, campaign.merchantId(), CampaignState.APPROVED);
    }

    /** A code is taken by chance only in theory; a fresh one is drawn if so. */
    private Coupon mint(Campaign campaign, CampaignVersion version, TokenizedMedium medium, Channel channel, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Coupon coupon = new Coupon(UUID.randomUUID(), CouponCode.generate(properties.couponCodeLength()),
                    campaign.id(), version.id(), medium, channel, version.terms().limits().usesPerCoupon(), 0, now,
                    version.terms().couponExpiry(now), null);
            if (coupons.add(coupon)) {
                return coupon;
            }
        }
        throw new IllegalStateException("no free coupon code after " + ATTEMPTS + " attempts");
    }
}
