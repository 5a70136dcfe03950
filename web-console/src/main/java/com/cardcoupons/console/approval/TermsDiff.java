package com.cardcoupons.console.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The submitted terms beside the live ones, field by field: each JSON path of either version, its two values, and
 * whether they differ. Nested sections flatten to paths ({@code discount.basisPoints}); lists show as one value.
 */
public record TermsDiff(List<Line> lines) {

    static TermsDiff between(Map<String, Object> live, Map<String, Object> submitted) {
        Map<String, String> before = flatten(live);
        Map<String, String> after = flatten(submitted);
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<Line> lines = new ArrayList<>();
        for (String field : fields) {
            lines.add(new Line(field, before.get(field), after.get(field)));
        }
        return new TermsDiff(List.copyOf(lines));
    }

    public long changes() {
        return lines.stream().filter(Line::changed).count();
    }

    static Map<String, String> flatten(Map<String, Object> terms) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (terms != null) {
            flatten("", terms, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> node, Map<String, String> flat) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (value instanceof Map<?, ?> section) {
                flatten(path, section, flat);
            } else if (value instanceof List<?> list) {
                flat.put(path, list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList()));
            } else if (value != null) {
                flat.put(path, value.toString());
            }
        });
    }

    /** One field: its live value and its submitted value, either absent. */
    public record Line(String field, String live, String submitted) {

        public boolean changed() {
            return !Objects.equals(live, submitted);
        }
    }
}
