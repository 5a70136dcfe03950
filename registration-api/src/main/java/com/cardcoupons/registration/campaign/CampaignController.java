package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.FieldPath;
import com.cardcoupons.registration.terms.Terms;
import com.cardcoupons.registration.terms.TermsRequest;
import com.cardcoupons.registration.webhook.EventType;
import com.cardcoupons.registration.webhook.WebhookEvents;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/**
 * Merchants submit campaigns and new versions of their terms, and read their own; approvers read every campaign and
 * may submit on a merchant's behalf (and then may not approve what they submitted).
 */
@RestController
@RequestMapping("/api/v1/campaigns")
@PermittedRoles({Role.MERCHANT, Role.APPROVER})
class CampaignController {

    private static final int SHORT_CODE_ATTEMPTS = 5;
    private static final int MAX_PAGE_SIZE = 100;

    private final Campaigns campaigns;
    private final CampaignListing listing;
    private final Merchants merchants;
    private final WebhookEvents events;
    private final Clock clock;

    CampaignController(Campaigns campaigns, CampaignListing listing, Merchants merchants, WebhookEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.listing = listing;
        this.merchants = merchants;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Submitted, pending approval")
    @Refuses(status = 400, codes = {"INVALID_SHORT_CODE", "FIELD_REQUIRED", "TOO_LONG", "UNEXPECTED_FIELD", "NOT_POSITIVE",
            "TOO_LARGE", "AMOUNT_NOT_POSITIVE", "TOO_MANY_VALUES", "DUPLICATE_VALUE", "PERCENTAGE_NOT_POSITIVE",
            "PERCENTAGE_OVER_100", "PER_CARD_LIMIT_OVER_CAP", "EMPTY_BUDGET", "LIMIT_OVER_WIDER_LIMIT",
            "BUDGET_NEEDS_DISCOUNT", "CURRENCY_REQUIRED", "CURRENCY_MISMATCH", "TICKET_USED_ONCE",
            "TICKET_OUTSIDE_WINDOW", "INVALID_MCC", "WINDOW_ENDS_BEFORE_START", "UNKNOWN_TIME_ZONE", "INVALID_CARD_BRAND",
            "BRANDS_WITHOUT_PAYMENT_CARD"})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 409, codes = "SHORT_CODE_TAKEN")
    @Refuses(status = 422, codes = {"UNKNOWN_MERCHANT", "MERCHANT_CLOSED", "UNKNOWN_STORE", "STORE_OF_OTHER_MERCHANT", "WINDOW_ALREADY_ENDED"})
    ResponseEntity<CampaignView> submit(@RequestBody SubmitCampaign request, CallerIdentity caller) {
        UUID merchantId = owningMerchant(request.merchantId(), caller);
        merchants.requireExists(merchantId, "merchantId");
        Terms terms = terms(request.terms(), merchantId);
        Campaign campaign = request.shortCode() != null
                ? addWithCode(merchantId, ShortCode.parse(request.shortCode()), terms, caller)
                : addWithRandomCode(merchantId, terms, caller);
        events.campaign(campaign, EventType.CAMPAIGN_SUBMITTED);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(CampaignView.of(campaign));
    }

    @PostMapping("/{campaignId}/versions")
    @Idempotent
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "The new version, pending approval")
    @Refuses(status = 400, codes = {"INVALID_SHORT_CODE", "FIELD_REQUIRED", "TOO_LONG", "UNEXPECTED_FIELD", "NOT_POSITIVE",
            "TOO_LARGE", "AMOUNT_NOT_POSITIVE", "TOO_MANY_VALUES", "DUPLICATE_VALUE", "PERCENTAGE_NOT_POSITIVE",
            "PERCENTAGE_OVER_100", "PER_CARD_LIMIT_OVER_CAP", "EMPTY_BUDGET", "LIMIT_OVER_WIDER_LIMIT",
            "BUDGET_NEEDS_DISCOUNT", "CURRENCY_REQUIRED", "CURRENCY_MISMATCH", "TICKET_USED_ONCE",
            "TICKET_OUTSIDE_WINDOW", "INVALID_MCC", "WINDOW_ENDS_BEFORE_START", "UNKNOWN_TIME_ZONE", "INVALID_CARD_BRAND",
            "BRANDS_WITHOUT_PAYMENT_CARD"})
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
    @Refuses(status = 422, codes = {"CAMPAIGN_ENDED", "UNKNOWN_MERCHANT", "MERCHANT_CLOSED", "UNKNOWN_STORE", "STORE_OF_OTHER_MERCHANT",
            "WINDOW_ALREADY_ENDED"})
    ResponseEntity<CampaignView> submitVersion(@PathVariable UUID campaignId, @RequestBody SubmitVersion request,
                                               CallerIdentity caller) {
        // the campaign is read once, under its lock: a read before the lock would leave the step a stale copy
        Campaign changed = campaigns.change(campaignId, campaign -> {
            caller.requireMerchant(campaign.merchantId());
            merchants.requireExists(campaign.merchantId(), null);
            campaign.submitVersion(terms(request.terms(), campaign.merchantId()), Actor.of(caller), clock.instant());
            events.campaign(campaign, EventType.CAMPAIGN_SUBMITTED);
        });
        int version = changed.latestVersion().number();
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaignId + "/versions/" + version))
                .body(CampaignView.of(changed));
    }

    /** Merchants see only their own campaigns; approvers see all, or one merchant's. */
    @GetMapping
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    CampaignPage list(@RequestParam(required = false) CampaignState state,
                      @RequestParam(defaultValue = "false") boolean awaitingApproval,
                      @RequestParam(required = false) UUID merchantId,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size,
                      CallerIdentity caller) {
        if (merchantId != null) {
            caller.requireMerchant(merchantId);
        }
        if (page < 0) {
            throw DomainException.invalid("INVALID_PARAMETER", "page", "page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("INVALID_PARAMETER", "size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        UUID merchant = caller.is(Role.MERCHANT) ? caller.merchantId() : merchantId;
        Slice<CampaignSummary> found = listing.list(merchant, state, awaitingApproval, PageRequest.of(page, size));
        return new CampaignPage(found.getContent(), page, size, found.hasNext());
    }

    @GetMapping("/{campaignId}")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
    CampaignView read(@PathVariable UUID campaignId, CallerIdentity caller) {
        return CampaignView.of(visible(campaignId, caller));
    }

    @GetMapping("/{campaignId}/versions/{version}")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = {"CAMPAIGN_NOT_FOUND", "VERSION_NOT_FOUND"})
    CampaignView.VersionView readVersion(@PathVariable UUID campaignId, @PathVariable int version, CallerIdentity caller) {
        return visible(campaignId, caller).findVersion(version)
                .map(CampaignView.VersionView::of)
                .orElseThrow(() -> DomainException.notFound("VERSION_NOT_FOUND", "the campaign has no version " + version));
    }

    @GetMapping("/{campaignId}/history")
    @Refuses(status = 403, codes = "OTHER_MERCHANT")
    @Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
    HistoryView history(@PathVariable UUID campaignId, CallerIdentity caller) {
        visible(campaignId, caller);
        return HistoryView.of(campaignId, campaigns.history(campaignId));
    }

    private Campaign visible(UUID campaignId, CallerIdentity caller) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFound("campaignId"));
        caller.requireMerchant(campaign.merchantId());
        return campaign;
    }

    private UUID owningMerchant(UUID requested, CallerIdentity caller) {
        if (caller.is(Role.MERCHANT)) {
            if (requested != null) {
                caller.requireMerchant(requested);
            }
            return caller.merchantId();
        }
        if (requested == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "merchantId", "an approver names the merchant the campaign is for");
        }
        return requested;
    }

    private Terms terms(TermsRequest request, UUID merchantId) {
        if (request == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "terms", "terms are required");
        }
        Terms terms = FieldPath.at("terms", () -> request.toTerms(merchantId));
        merchants.requireUsable(terms.usability());
        return terms;
    }

    private Campaign addWithCode(UUID merchantId, ShortCode code, Terms terms, CallerIdentity caller) {
        Campaign campaign = Campaign.submit(merchantId, code, terms, Actor.of(caller), clock.instant());
        if (!campaigns.add(campaign)) {
            throw new DomainException(Kind.CONFLICT, "SHORT_CODE_TAKEN", "shortCode", "another campaign has this short code");
        }
        return campaign;
    }

    /** A random code of 8 characters from 32 is taken by chance only when millions of campaigns exist. */
    private Campaign addWithRandomCode(UUID merchantId, Terms terms, CallerIdentity caller) {
        for (int attempt = 0; attempt < SHORT_CODE_ATTEMPTS; attempt++) {
            Campaign campaign = Campaign.submit(merchantId, ShortCode.random(), terms, Actor.of(caller), clock.instant());
            if (campaigns.add(campaign)) {
                return campaign;
            }
        }
        throw new IllegalStateException("no free short code after " + SHORT_CODE_ATTEMPTS + " attempts");
    }
}
