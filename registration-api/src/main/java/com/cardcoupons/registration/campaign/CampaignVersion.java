package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.terms.Terms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One immutable statement of a campaign's terms, numbered from 1, and where its approval stands. */
public record CampaignVersion(UUID id, int number, ApprovalState approvalState, Terms terms, String submittedBy,
                              Instant submittedAt) {

    public CampaignVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(approvalState, "approvalState");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    CampaignVersion decided(ApprovalState decision) {
        return new CampaignVersion(id, number, decision, terms, submittedBy, submittedAt);
    }
}
