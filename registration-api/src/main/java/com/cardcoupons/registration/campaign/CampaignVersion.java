package com.cardcoupons.registration.campaign;

import com.cardcoupons.registration.terms.Terms;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable statement of a campaign's terms, numbered from 1, and where its approval stands: the only thing about
 * it that ever changes, so an update writes that column alone.
 */
@Entity
@Table(name = "campaign_version")
@DynamicUpdate
public class CampaignVersion {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", updatable = false)
    private Campaign campaign;

    @Column(name = "version", updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    private ApprovalState approvalState;

    @Embedded
    private StoredTerms storedTerms;

    @Column(updatable = false)
    private String submittedBy;

    @Column(updatable = false)
    private Instant submittedAt;

    @Transient
    private Terms terms;

    protected CampaignVersion() {
    }

    /** A version just submitted, awaiting approval. */
    CampaignVersion(Campaign campaign, int number, Terms terms, String submittedBy, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.number = number;
        this.approvalState = ApprovalState.PENDING_APPROVAL;
        this.terms = Objects.requireNonNull(terms, "terms");
        this.storedTerms = StoredTerms.of(terms);
        this.submittedBy = Objects.requireNonNull(submittedBy, "submittedBy");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public UUID id() {
        return id;
    }

    public int number() {
        return number;
    }

    public ApprovalState approvalState() {
        return approvalState;
    }

    public Terms terms() {
        if (terms == null) {
            terms = storedTerms.toTerms();
        }
        return terms;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    void decide(ApprovalState decision) {
        approvalState = Objects.requireNonNull(decision, "decision");
    }
}
