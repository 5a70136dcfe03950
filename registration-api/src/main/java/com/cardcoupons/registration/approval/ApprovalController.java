package com.cardcoupons.registration.approval;

import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.campaign.Actor;
import com.cardcoupons.registration.campaign.CampaignView;
import com.cardcoupons.registration.campaign.Campaigns;
import com.cardcoupons.registration.webhook.EventType;
import com.cardcoupons.registration.webhook.WebhookEvents;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/** Approvers, and only approvers, take the approval steps; the campaign itself decides which steps are allowed. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@PermittedRoles(Role.APPROVER)
@Refuses(status = 400, codes = {"FIELD_REQUIRED", "REASON_REQUIRED", "TOO_LONG"})
@Refuses(status = 403, codes = "SELF_APPROVAL")
@Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
@Refuses(status = 409, codes = "VERSION_NOT_PENDING")
@Refuses(status = 422, codes = {"TRANSITION_NOT_ALLOWED", "CAMPAIGN_ENDED", "WINDOW_ALREADY_ENDED"})
class ApprovalController {

    private final Campaigns campaigns;
    private final WebhookEvents events;
    private final Clock clock;

    ApprovalController(Campaigns campaigns, WebhookEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/approve")
    @Idempotent
    CampaignView approve(@PathVariable UUID campaignId, @RequestBody Decision decision, CallerIdentity caller) {
        return CampaignView.of(campaigns.change(campaignId, campaign ->
                {
            campaign.approve(decision.requiredVersion(), Actor.of(caller), decision.reason(), clock.instant());
            events.campaign(campaign, EventType.CAMPAIGN_APPROVED);
        }));
    }

    @PostMapping("/reject")
    @Idempotent
    CampaignView reject(@PathVariable UUID campaignId, @RequestBody Decision decision, CallerIdentity caller) {
        return CampaignView.of(campaigns.change(campaignId, campaign ->
                {
            campaign.reject(decision.requiredVersion(), Actor.of(caller), decision.reason(), clock.instant());
            events.campaign(campaign, EventType.CAMPAIGN_REJECTED);
        }));
    }

    @PostMapping("/suspend")
    @Idempotent
    CampaignView suspend(@PathVariable UUID campaignId, @RequestBody(required = false) Reason reason, CallerIdentity caller) {
        return CampaignView.of(campaigns.change(campaignId, campaign ->
                {
            campaign.suspend(Actor.of(caller), Reason.of(reason), clock.instant());
            events.campaign(campaign, EventType.CAMPAIGN_SUSPENDED);
        }));
    }

    @PostMapping("/resume")
    @Idempotent
    CampaignView resume(@PathVariable UUID campaignId, @RequestBody(required = false) Reason reason, CallerIdentity caller) {
        return CampaignView.of(campaigns.change(campaignId, campaign ->
                campaign.resume(Actor.of(caller), Reason.of(reason), clock.instant())));
    }

    @PostMapping("/end")
    @Idempotent
    CampaignView end(@PathVariable UUID campaignId, @RequestBody(required = false) Reason reason, CallerIdentity caller) {
        return CampaignView.of(campaigns.change(campaignId, campaign ->
                {
            campaign.end(Actor.of(caller), Reason.of(reason), clock.instant());
            events.campaign(campaign, EventType.CAMPAIGN_ENDED);
        }));
    }
}
