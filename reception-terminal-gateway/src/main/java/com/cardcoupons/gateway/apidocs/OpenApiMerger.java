package com.cardcoupons.gateway.apidocs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges OpenAPI documents into one. Each source contributes only the paths the gateway routes to it, each of its
 * operations with the refusals the gateway itself answers ({@link GatewayRefusals}). Components of the same name and
 * the same definition are kept once; a name two sources define differently is prefixed with the source's name in the
 * later source, and that source's references are rewritten to match.
 */
final class OpenApiMerger {

    static final String SECURITY_SCHEME = "apiKey";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** One document to merge, and the path prefixes it owns at the gateway. */
    record Source(String name, JsonNode document, List<String> prefixes) {

        boolean owns(String path) {
            return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        }
    }

    ObjectNode merge(List<Source> sources, String serverUrl, List<String> unavailable) {
        ObjectNode merged = nodes.objectNode();
        merged.put("openapi", "3.0.1");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Card-linked coupons API");
        info.put("version", "v1");
        info.put("description", "Every call goes through the gateway with an API key in the X-Api-Key header. "
                + "Errors are RFC 9457 Problem Details with a stable code.");
        merged.putArray("servers").addObject().put("url", serverUrl);
        merged.putArray("security").addObject().putArray(SECURITY_SCHEME);
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> tagNames = new LinkedHashSet<>();
        for (Source source : sources) {
            JsonNode document = withUniqueComponentNames(source, components);
            document.path("paths").properties().forEach(path -> {
                if (source.owns(path.getKey()) && !paths.has(path.getKey())) {
                    paths.set(path.getKey(), path.getValue());
                    path.getValue().properties().forEach(operation -> {
                        if (operation.getValue() instanceof ObjectNode object && object.has("responses")) {
                            GatewayRefusals.addTo(object);
                        }
                    });
                }
            });
            document.path("components").properties().forEach(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                section.getValue().properties().forEach(component -> target.set(component.getKey(), component.getValue()));
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asString())) {
                    tags.add(tag);
                }
            }
        }
        ObjectNode schemes = components.has("securitySchemes")
                ? (ObjectNode) components.get("securitySchemes") : components.putObject("securitySchemes");
        schemes.putObject(SECURITY_SCHEME).put("type", "apiKey").put("in", "header").put("name", "X-Api-Key");
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    /** The source's document, with any component that clashes with one already merged renamed. */
    private JsonNode withUniqueComponentNames(Source source, ObjectNode merged) {
        Map<String, String> renamed = new HashMap<>();
        source.document().path("components").properties().forEach(section -> {
            JsonNode existing = merged.path(section.getKey());
            section.getValue().properties().forEach(component -> {
                JsonNode other = existing.get(component.getKey());
                if (other != null && !other.equals(component.getValue())) {
                    String prefix = "#/components/" + section.getKey() + "/";
                    renamed.put(prefix + component.getKey(), prefix + pascal(source.name()) + component.getKey());
                }
            });
        });
        if (renamed.isEmpty()) {
            return source.document();
        }
        JsonNode copy = source.document().deepCopy();
        rewriteReferences(copy, renamed);
        ObjectNode components = (ObjectNode) copy.path("components");
        renamed.forEach((from, to) -> {
            String[] fromParts = from.split("/");
            String[] toParts = to.split("/");
            ObjectNode section = (ObjectNode) components.get(fromParts[2]);
            section.set(toParts[3], section.remove(fromParts[3]));
        });
        return copy;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renamed.containsKey(ref.asString())) {
                object.put("$ref", renamed.get(ref.asString()));
            }
            object.properties().forEach(child -> rewriteReferences(child.getValue(), renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteReferences(child, renamed));
        }
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
