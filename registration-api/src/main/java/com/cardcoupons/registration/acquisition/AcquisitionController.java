package com.cardcoupons.registration.acquisition;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.FieldPath;
import com.cardcoupons.registration.campaign.Campaign;
import com.cardcoupons.registration.campaign.CampaignNotFound;
import com.cardcoupons.registration.campaign.CampaignVersion;
import com.cardcoupons.registration.campaign.Campaigns;
import com.cardcoupons.registration.campaign.ShortCode;
import com.cardcoupons.registration.coupon.Channel;
import com.cardcoupons.registration.coupon.CouponView;
import com.cardcoupons.registration.coupon.HeldCoupon;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * Consumer channels acquire coupons. The channel is the one the gateway verified for the caller, never one the
 * request claims; card numbers are tokenized as soon as they are read.
 */
@RestController
@RequestMapping("/api/v1/acquisitions")
@PermittedRoles(Role.CONSUMER_CHANNEL)
@Refuses(status = 400, codes = "FIELD_REQUIRED")
@Refuses(status = 403, codes = "UNKNOWN_CHANNEL")
@Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
@Refuses(status = 409, codes = {"CAMPAIGN_CAP_EXHAUSTED", "PER_CARD_LIMIT_REACHED"})
@Refuses(status = 422, codes = {"CAMPAIGN_NOT_APPROVED", "CAMPAIGN_SUSPENDED", "CAMPAIGN_ENDED", "CAMPAIGN_NOT_STARTED",
        "CAMPAIGN_EXPIRED", "MEDIUM_NOT_ACCEPTED", "CARD_BRAND_NOT_ACCEPTED"})
class AcquisitionController {

    private final Campaigns campaigns;
    private final CouponAcquisition acquisition;
    private final UsageMediumTokenizer tokenizer;
    private final Clock clock;

    AcquisitionController(Campaigns campaigns, CouponAcquisition acquisition, UsageMediumTokenizer tokenizer, Clock clock) {
        this.campaigns = campaigns;
        this.acquisition = acquisition;
        this.tokenizer = tokenizer;
        this.clock = clock;
    }

    @PostMapping
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    CouponView acquire(@RequestBody AcquireCoupon request, CallerIdentity caller) {
        Channel channel = Channel.of(caller);
        Campaign campaign = campaigns.findById(request.campaignId())
                .orElseThrow(() -> new CampaignNotFound("campaignId"));
        HeldCoupon coupon = acquisition.acquire(campaign, tokenizer.tokenize(request.medium()), channel, AcquireCoupon.FIELDS);
        return CouponView.of(coupon, clock.instant());
    }

    /** The digital broadcast receiver's compact request: short code and number. */
    @PostMapping("/broadcast")
    @Refuses(status = 400, codes = {"CARD_NUMBER_REQUIRED", "INVALID_CARD_NUMBER", "CARD_NUMBER_FAILS_LUHN", "MEDIUM_TYPE_REQUIRED",
            "INVALID_PROGRAM", "INVALID_MEMBER_NUMBER", "UNEXPECTED_CARD_NUMBER", "UNEXPECTED_MEMBER_NUMBER"})
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    CouponView acquireByShortCode(@RequestBody BroadcastAcquisition request, CallerIdentity caller) {
        Channel channel = Channel.of(caller);
        Campaign campaign = ShortCode.lookup(request.campaignCode())
                .flatMap(campaigns::findByShortCode)
                .orElseThrow(() -> new CampaignNotFound("campaignCode"));
        CampaignVersion live = FieldPath.at("campaignCode", () -> campaign.acquirableVersion(clock.instant()));
        UsageMediumId medium = request.medium(live.terms().media());
        HeldCoupon coupon = acquisition.acquire(campaign, tokenizer.tokenize(medium), channel, request.fields());
        return CouponView.of(coupon, clock.instant());
    }
}
