package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.terms.Terms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant's campaign and its generation approval, guarding every step: PENDING_APPROVAL, then APPROVED or
 * REJECTED; an approved campaign is SUSPENDED and resumed, and finally ENDED. Terms live in versions and never change
 * once approved: an edit is a new version that waits for approval while the approved one stays live, and an approver
 * never approves a version they submitted. Each step is recorded as a {@link Transition}.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    private static final int MAX_REASON = 1000;

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID merchantId;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "short_code", updatable = false))
    private ShortCode shortCode;

    @Enumerated(EnumType.STRING)
    private CampaignState state;

    private Integer liveVersion;

    // the campaign's issue count, an aggregate of its own written only by IssueCounts: read here, never written
    @Formula("(select coalesce(max(i.acquired_count), 0) from campaign_issue i where i.campaign_id = id)")
    private int acquiredCount;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<CampaignVersion> versions = new ArrayList<>();

    // appending a step to a loaded campaign queues its insert without loading the history
    @OneToMany(mappedBy = "campaign", cascade = CascadeType.PERSIST)
    @OrderBy("at, id")
    private List<Transition> transitions = new ArrayList<>();

    protected Campaign() {
    }

    private Campaign(UUID merchantId, ShortCode shortCode, Instant now) {
        this.id = UUID.randomUUID();
        this.merchantId = merchantId;
        this.shortCode = shortCode;
        this.state = CampaignState.PENDING_APPROVAL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new campaign whose first version awaits approval. */
    public static Campaign submit(UUID merchantId, ShortCode shortCode, Terms terms, Actor merchant, Instant now) {
        requireNotOver(terms, now, "terms.validUntil");
        Campaign campaign = new Campaign(merchantId, shortCode, now);
        CampaignVersion first = campaign.addVersion(terms, merchant, now);
        campaign.record(null, CampaignState.PENDING_APPROVAL, TransitionAction.SUBMITTED, first, merchant, null, now);
        return campaign;
    }

    /**
     * New terms, awaiting approval. An approved version stays live meanwhile; a version still pending is withdrawn;
     * a rejected campaign is pending approval again.
     */
    public CampaignVersion submitVersion(Terms terms, Actor merchant, Instant now) {
        if (state == CampaignState.ENDED) {
            throw refused("CAMPAIGN_ENDED", "the campaign has ended; its terms can no longer change");
        }
        requireNotOver(terms, now, "terms.validUntil");
        pendingVersion().ifPresent(pending -> pending.decide(ApprovalState.WITHDRAWN));
        CampaignVersion version = addVersion(terms, merchant, now);
        CampaignState to = state == CampaignState.REJECTED ? CampaignState.PENDING_APPROVAL : state;
        record(state, to, TransitionAction.SUBMITTED, version, merchant, null, now);
        return version;
    }

    /** Approves the pending version {@code number}, which becomes the live one; a suspended campaign stays suspended. */
    public void approve(int number, Actor approver, String reason, Instant now) {
        requireApprover(approver);
        CampaignVersion pending = requirePending(number);
        if (pending.submittedBy().equals(approver.principal())) {
            throw new DomainException(Kind.FORBIDDEN, "SELF_APPROVAL",
                    null, "a version must be approved by someone other than who submitted it");
        }
        requireNotOver(pending.terms(), now, "version");
        liveVersion().ifPresent(live -> live.decide(ApprovalState.SUPERSEDED));
        pending.decide(ApprovalState.APPROVED);
        liveVersion = number;
        CampaignState to = state == CampaignState.PENDING_APPROVAL ? CampaignState.APPROVED : state;
        record(state, to, TransitionAction.APPROVED, pending, approver, optionalReason(reason), now);
    }

    /** Rejects the pending version {@code number}; a campaign never approved becomes REJECTED, others keep their live version. */
    public void reject(int number, Actor approver, String reason, Instant now) {
        requireApprover(approver);
        String why = requiredReason(reason);
        CampaignVersion pending = requirePending(number);
        pending.decide(ApprovalState.REJECTED);
        CampaignState to = state == CampaignState.PENDING_APPROVAL ? CampaignState.REJECTED : state;
        record(state, to, TransitionAction.REJECTED, pending, approver, why, now);
    }

    public void suspend(Actor approver, String reason, Instant now) {
        requireApprover(approver);
        String why = requiredReason(reason);
        requireState(CampaignState.APPROVED, "suspend");
        move(CampaignState.SUSPENDED, TransitionAction.SUSPENDED, approver, why, now);
    }

    public void resume(Actor approver, String reason, Instant now) {
        requireApprover(approver);
        String why = optionalReason(reason);
        requireState(CampaignState.SUSPENDED, "resume");
        move(CampaignState.APPROVED, TransitionAction.RESUMED, approver, why, now);
    }

    /** Ends an approved or suspended campaign for good, withdrawing a version still pending. */
    public void end(Actor approver, String reason, Instant now) {
        requireApprover(approver);
        String why = requiredReason(reason);
        if (state != CampaignState.APPROVED && state != CampaignState.SUSPENDED) {
            throw refused("TRANSITION_NOT_ALLOWED", "only an approved or suspended campaign can end; this one is " + state);
        }
        pendingVersion().ifPresent(pending -> pending.decide(ApprovalState.WITHDRAWN));
        move(CampaignState.ENDED, TransitionAction.ENDED, approver, why, now);
    }

    /**
     * The live version new coupons are acquired under, refusing when the campaign is not approved or {@code now} is
     * outside the live version's validity window.
     */
    public CampaignVersion acquirableVersion(Instant now) {
        switch (state) {
            case APPROVED -> { }
            case SUSPENDED -> throw refused("CAMPAIGN_SUSPENDED", "the campaign is suspended");
            case ENDED -> throw refused("CAMPAIGN_ENDED", "the campaign has ended");
            default -> throw refused("CAMPAIGN_NOT_APPROVED", "the campaign is not approved");
        }
        CampaignVersion live = liveVersion().orElseThrow();
        if (!live.terms().window().hasStarted(now)) {
            throw refused("CAMPAIGN_NOT_STARTED", "the campaign starts at " + live.terms().window().localFrom()
                    + " " + live.terms().window().zone());
        }
        if (live.terms().window().isOver(now)) {
            throw refused("CAMPAIGN_EXPIRED", "the campaign ended at " + live.terms().window().localUntil()
                    + " " + live.terms().window().zone());
        }
        return live;
    }

    public Optional<CampaignVersion> liveVersion() {
        return liveVersion == null ? Optional.empty() : Optional.of(version(liveVersion));
    }

    public Optional<CampaignVersion> pendingVersion() {
        return versions.stream().filter(v -> v.approvalState() == ApprovalState.PENDING_APPROVAL).findFirst();
    }

    public Optional<CampaignVersion> findVersion(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The latest version: what the merchant last submitted. */
    public CampaignVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    public UUID id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public ShortCode shortCode() {
        return shortCode;
    }

    public CampaignState state() {
        return state;
    }

    public Integer liveVersionNumber() {
        return liveVersion;
    }

    public int acquiredCount() {
        return acquiredCount;
    }

    public List<CampaignVersion> versions() {
        return List.copyOf(versions);
    }

    /** The recorded steps, oldest first; on a loaded campaign, reading them loads its history. */
    public List<Transition> recordedTransitions() {
        return List.copyOf(transitions);
    }

    private CampaignVersion addVersion(Terms terms, Actor submitter, Instant now) {
        if (submitter.role() != Role.MERCHANT && submitter.role() != Role.APPROVER) {
            throw new DomainException(Kind.FORBIDDEN, "ROLE_NOT_PERMITTED", null, "a " + submitter.role() + " may not submit terms");
        }
        int number = versions.isEmpty() ? 1 : latestVersion().number() + 1;
        CampaignVersion version = new CampaignVersion(this, number, terms, submitter.principal(), now);
        versions.add(version);
        return version;
    }

    private void move(CampaignState to, TransitionAction action, Actor actor, String reason, Instant now) {
        record(state, to, action, liveVersion().orElseThrow(), actor, reason, now);
    }

    private void record(CampaignState from, CampaignState to, TransitionAction action, CampaignVersion version,
                        Actor actor, String reason, Instant now) {
        transitions.add(new Transition(this, from, to, action, version, actor, reason, now));
        state = to;
        updatedAt = now;
    }

    private CampaignVersion version(int number) {
        return findVersion(number).orElseThrow(() -> new IllegalStateException("campaign " + id + " has no version " + number));
    }

    private CampaignVersion requirePending(int number) {
        return pendingVersion()
                .filter(pending -> pending.number() == number)
                .orElseThrow(() -> new DomainException(Kind.CONFLICT, "VERSION_NOT_PENDING", "version",
                        "version " + number + " is not the one awaiting approval"
                                + pendingVersion().map(p -> "; version " + p.number() + " is").orElse("; none is")));
    }

    private void requireState(CampaignState expected, String step) {
        if (state != expected) {
            throw refused("TRANSITION_NOT_ALLOWED", "cannot " + step + " a campaign that is " + state);
        }
    }

    private static void requireApprover(Actor actor) {
        if (actor.role() != Role.APPROVER) {
            throw new DomainException(Kind.FORBIDDEN, "ROLE_NOT_PERMITTED", null, "only an approver decides on campaigns");
        }
    }

    private static void requireNotOver(Terms terms, Instant now, String field) {
        if (terms.window().isOver(now)) {
            throw new DomainException(Kind.UNPROCESSABLE, "WINDOW_ALREADY_ENDED", field, "the validity window is already over");
        }
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "reason", "say why: a reason is required");
        }
        return optionalReason(reason);
    }

    private static String optionalReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw DomainException.invalid("TOO_LONG", "reason", "a reason has at most " + MAX_REASON + " characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static DomainException refused(String code, String message) {
        return new DomainException(Kind.UNPROCESSABLE, code, null, message);
    }
}
