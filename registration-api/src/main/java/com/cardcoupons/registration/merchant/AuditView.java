package com.cardcoupons.registration.merchant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of a merchant's audit trail, newest first; the next page is the one {@code before} the last id shown. */
record AuditView(List<Entry> entries, boolean hasMore) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Entry(long id, AuditEntry.Subject subject, UUID subjectId, AuditEntry.Action action, String actor,
                 String role, Instant at,
                 @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                         description = "What the change set: the new values, or each changed field's from and to")
                 Map<String, Object> changes) {

        @SuppressWarnings("unchecked")
        private static Map<String, Object> changes(AuditEntry entry) {
            return JSON.readValue(entry.changes(), Map.class);
        }

        static Entry of(AuditEntry entry) {
            return new Entry(entry.id(), entry.subject(), entry.subjectId(), entry.action(), entry.actor().principal(),
                    entry.actor().role().name(), entry.at(), changes(entry));
        }
    }
}
