package com.cardcoupons.console.gateway;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of an API answer, for the templates. The API leaves out fields that have no value; a template reads
 * such a field as null, as a JSON reader would, instead of failing: Spring's expression language reads a map's
 * entry only where the map says it holds the key, so this map says it holds every name.
 */
public final class JsonObject extends java.util.LinkedHashMap<String, Object> {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** The parsed JSON with every object, however deep, as a {@code JsonObject}. */
    static Object of(Object parsed) {
        if (parsed instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, value) -> object.put(key.toString(), of(value)));
            return object;
        }
        if (parsed instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(of(item)));
            return items;
        }
        return parsed;
    }
}
