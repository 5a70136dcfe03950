package com.cardcoupons.registration.merchant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an update changed, field by field, for the audit trail: only fields whose value differs. */
final class Change {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    <T> T field(String name, T from, T to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", from);
            fromTo.put("to", to);
            fields.put(name, fromTo);
        }
        return to;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Object> fields() {
        return fields;
    }
}
