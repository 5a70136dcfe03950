package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.terms.TermsView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as answered: its state, the live version new coupons are acquired under, the version awaiting approval,
 * and every version it ever had.
 */
public record CampaignView(UUID id, UUID merchantId, String shortCode, CampaignState state, int acquiredCount,
                           VersionView live, VersionView pending, List<VersionSummary> versions) {

    public static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id(), campaign.merchantId(), campaign.shortCode().value(), campaign.state(),
                campaign.acquiredCount(),
                campaign.liveVersion().map(VersionView::of).orElse(null),
                campaign.pendingVersion().map(VersionView::of).orElse(null),
                campaign.versions().stream().map(VersionSummary::of).toList());
    }

    /** One version with its full terms. */
    public record VersionView(int version, ApprovalState approvalState, String submittedBy, Instant submittedAt,
                              TermsView terms) {

        public static VersionView of(CampaignVersion version) {
            return new VersionView(version.number(), version.approvalState(), version.submittedBy(),
                    version.submittedAt(), TermsView.of(version.terms()));
        }
    }

    /** One version in the list of all of them. */
    public record VersionSummary(int version, ApprovalState approvalState, String title, String submittedBy,
                                 Instant submittedAt) {

        static VersionSummary of(CampaignVersion version) {
            return new VersionSummary(version.number(), version.approvalState(), version.terms().title(),
                    version.submittedBy(), version.submittedAt());
        }
    }
}
