package com.cardcoupons.couponserver.usage;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** Usage figures per campaign (claims 2 and 12): a merchant reads its own campaigns, an approver every campaign. */
@RestController
@RequestMapping("/api/v1/usage/campaigns")
@PermittedRoles({Role.MERCHANT, Role.APPROVER})
@Refuses(status = 403, codes = "OTHER_MERCHANT")
class UsageReportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final UsageReports reports;

    UsageReportController(UsageReports reports) {
        this.reports = reports;
    }

    @GetMapping
    UsageResponses.CampaignPage campaigns(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, CallerIdentity caller) {
        return new UsageResponses.CampaignPage(page, size,
                reports.totals(caller.is(Role.MERCHANT) ? caller.merchantId() : null, size, (long) page * size)
                        .stream().map(UsageResponses.CampaignSummary::of).toList());
    }

    @GetMapping("/{campaignId}")
    @Refuses(status = 400, codes = "INVALID_DATE_RANGE")
    @Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
    UsageResponses.CampaignUsageResponse usage(@PathVariable UUID campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CallerIdentity caller) {
        return UsageResponses.CampaignUsageResponse.of(usageOf(campaignId, from, to, caller));
    }

    @GetMapping(path = "/{campaignId}/figures.csv", produces = "text/csv")
    @Refuses(status = 400, codes = "INVALID_DATE_RANGE")
    @Refuses(status = 404, codes = "CAMPAIGN_NOT_FOUND")
    ResponseEntity<String> csv(@PathVariable UUID campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CallerIdentity caller) {
        CampaignUsage usage = usageOf(campaignId, from, to, caller);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("campaign-" + campaignId + "-usage.csv").build().toString())
                .body(UsageCsv.of(usage));
    }

    private CampaignUsage usageOf(UUID campaignId, LocalDate from, LocalDate to, CallerIdentity caller) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("INVALID_DATE_RANGE", "from", "'from' is after 'to'");
        }
        CampaignUsage.Campaign campaign = reports.campaign(campaignId)
                .orElseThrow(() -> DomainException.notFound("CAMPAIGN_NOT_FOUND", "no such campaign"));
        caller.requireMerchant(campaign.merchantId());
        return reports.usage(campaign, from, to);
    }
}
