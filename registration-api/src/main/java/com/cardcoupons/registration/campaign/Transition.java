package com.cardcoupons.registration.campaign;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One recorded approval step: what was done to which version, moving the campaign from one state to another, by whom,
 * why and when. Append-only: a recorded step never changes.
 */
@Entity
@Table(name = "campaign_transition")
@Immutable
public class Transition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    // the version may have been submitted by this very step: its row must go in before the step's
    @ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "campaign_version_id")
    private CampaignVersion version;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private CampaignState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private CampaignState to;

    @Enumerated(EnumType.STRING)
    private TransitionAction action;

    @Embedded
    @AttributeOverride(name = "principal", column = @Column(name = "actor"))
    @AttributeOverride(name = "role", column = @Column(name = "actor_role"))
    private Actor actor;

    private String reason;

    @Column(name = "occurred_at")
    private Instant at;

    protected Transition() {
    }

    Transition(Campaign campaign, CampaignState from, CampaignState to, TransitionAction action,
               CampaignVersion version, Actor actor, String reason, Instant at) {
        this.campaign = campaign;
        this.from = from;
        this.to = to;
        this.action = action;
        this.version = version;
        this.actor = actor;
        this.reason = reason;
        this.at = at;
    }

    public CampaignState from() {
        return from;
    }

    public CampaignState to() {
        return to;
    }

    public TransitionAction action() {
        return action;
    }

    /** The number of the version the step concerns; none only on steps recorded without one. */
    public Integer versionNumber() {
        return version == null ? null : version.number();
    }

    public Actor actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
