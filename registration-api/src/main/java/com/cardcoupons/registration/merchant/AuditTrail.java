package com.cardcoupons.registration.merchant;

import com.cardcoupons.registration.Persisting;
import com.cardcoupons.registration.campaign.Actor;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The onboarding audit trail, appended to in the transaction of each change it records. */
public interface AuditTrail extends Repository<AuditEntry, Long>, Persisting<AuditEntry> {

    default void record(UUID merchantId, AuditEntry.Subject subject, UUID subjectId, AuditEntry.Action action,
                        Actor actor, Map<String, Object> changes, Instant at) {
        persist(new AuditEntry(merchantId, subject, subjectId, action, actor, changes, at));
    }

    /** The merchant's entries older than {@code before} (all when null), newest first. */
    @Query("select e from AuditEntry e where e.merchantId = :merchantId and (:before is null or e.id < :before) order by e.id desc")
    List<AuditEntry> page(UUID merchantId, Long before, Limit limit);
}
