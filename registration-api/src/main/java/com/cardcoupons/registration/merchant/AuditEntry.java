package com.cardcoupons.registration.merchant;

import com.cardcoupons.registration.campaign.Actor;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One change to a merchant, a store or a terminal: who made it in what role, what it set, and when. Never changes. */
@Entity
@Table(name = "onboarding_audit")
@Immutable
public class AuditEntry {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID merchantId;

    @Enumerated(EnumType.STRING)
    private Subject subject;

    private UUID subjectId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Embedded
    @AttributeOverride(name = "principal", column = @Column(name = "actor"))
    @AttributeOverride(name = "role", column = @Column(name = "actor_role"))
    private Actor actor;

    private Instant at;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private String changes;

    protected AuditEntry() {
    }

    AuditEntry(UUID merchantId, Subject subject, UUID subjectId, Action action, Actor actor, Map<String, Object> changes,
               Instant at) {
        this.merchantId = merchantId;
        this.subject = subject;
        this.subjectId = subjectId;
        this.action = action;
        this.actor = actor;
        this.changes = JSON.writeValueAsString(changes);
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public Subject subject() {
        return subject;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public Action action() {
        return action;
    }

    public Actor actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    /** The changes as the JSON object they were recorded as. */
    public String changes() {
        return changes;
    }

    /** What was changed. */
    public enum Subject {
        MERCHANT, STORE, TERMINAL
    }

    /** What was done to it. */
    public enum Action {
        CREATED, UPDATED, CLOSED, DECOMMISSIONED
    }
}
