package com.cardcoupons.testsupport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Malformed and boundary requests for every operation of an API document, for property-based fuzzing with jqwik.
 * Each request is built from the operation's own schemas (so it gets past the first check and reaches the deeper
 * ones) and then broken by at least one defect that must be refused whatever else the request holds: an unknown
 * field, a value of the wrong JSON type, an extreme number, a text too long or with a control character, JSON that
 * does not parse, a body sent as another media type, a missing or malformed idempotency key, a malformed id or query
 * parameter. A refusal must be a 4xx with Problem Details that writes nothing.
 */
public final class ApiFuzz {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "a\u001bb", "line\nbreak", "\u202Eevil", "\uD800",
            "寿司🍣", "e\u0301", "' or 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x}",
            "4111 1111 1111 1111", "null", "-1", "NaN");
    /** Numbers no field takes: beyond a long, fractions, exponents. */
    private static final List<String> EXTREME_NUMBERS = List.of("9223372036854775808", "-9223372036854775809", "1e400",
            "1.5", "-0.0", "1E3", "123456789012345678901234567890");

    /** Media types a JSON body is not: every operation takes {@code application/json} only. */
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/octet-stream", "json");

    private final JsonNode document;

    private ApiFuzz(JsonNode document) {
        this.document = document;
    }

    /** One request to send, and the defect that must get it refused. */
    public record Request(String role, String method, String target, String body, Map<String, String> headers, String defect) {

        @Override
        public String toString() {
            return method + " " + target + " [" + defect + "] " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body)
                    + " " + headers;
        }
    }

    /** Requests for every operation of the document at {@code json} under {@code /api/}. */
    public static Arbitrary<Request> requests(String json) {
        return requests(json, path -> true);
    }

    /** Requests for the operations of the document at {@code json} under {@code /api/} whose path template is chosen. */
    public static Arbitrary<Request> requests(String json, Predicate<String> paths) {
        ApiFuzz fuzz = new ApiFuzz(JSON.readTree(json));
        List<Arbitrary<Request>> perOperation = new ArrayList<>();
        fuzz.document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (path.getKey().startsWith("/api/") && paths.test(path.getKey()) && operation.getValue().has("responses")) {
                perOperation.add(fuzz.requests(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue()));
            }
        }));
        if (perOperation.isEmpty()) {
            throw new IllegalArgumentException("the document has no operation to fuzz among those chosen");
        }
        return Arbitraries.oneOf(perOperation);
    }

    private Arbitrary<Request> requests(String method, String template, JsonNode operation) {
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        boolean idempotent = false;
        for (JsonNode parameter : operation.path("parameters")) {
            idempotent |= parameter.path("in").asString().equals("header")
                    && parameter.path("name").asString().equals("Idempotency-Key") && parameter.path("required").asBoolean();
        }
        String role = operation.path("x-roles").path(0).asString("");
        boolean keyed = idempotent;
        List<String> defects = new ArrayList<>(List.of("odd query value", "repeated query parameter"));
        if (template.contains("{")) {
            defects.add("malformed id");
        }
        if (!bodySchema.isMissingNode()) {
            defects.addAll(List.of("unknown field", "wrong type", "extreme number", "text too long", "control character",
                    "not JSON", "nested unknown field", "wrong content type"));
        }
        if (keyed) {
            defects.addAll(List.of("no idempotency key", "malformed idempotency key"));
        }
        return Combinators.combine(Arbitraries.of(defects), Arbitraries.longs(), Arbitraries.of(ODD_TEXT), Arbitraries.of(EXTREME_NUMBERS))
                .as((defect, seed, odd, extreme) -> build(role, method, template, operation, bodySchema, keyed, defect, new Random(seed), odd, extreme))
                .filter(request -> request != null);
    }

    private Request build(String role, String method, String template, JsonNode operation, JsonNode bodySchema, boolean keyed,
            String defect, Random random, String odd, String extreme) {
        Map<String, String> query = new LinkedHashMap<>();
        String path = template;
        boolean brokenId = false;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    boolean uuid = schema.path("format").asString().equals("uuid");
                    String value = defect.equals("malformed id") && !brokenId
                            ? (uuid ? "not-a-uuid-" + Math.abs(random.nextInt()) : "%20" + Integer.toHexString(random.nextInt()))
                            : uuid ? UUID.randomUUID().toString() : "FUZZ" + Math.abs(random.nextInt());
                    brokenId |= defect.equals("malformed id");
                    path = path.replace("{" + name + "}", value);
                }
                case "query" -> {
                    if (random.nextBoolean()) {
                        query.put(name, scalar(schema, random).asString(""));
                    }
                }
                default -> {
                }
            }
        }
        if (defect.equals("malformed id") && !brokenId) {
            return null;
        }
        if (defect.equals("odd query value")) {
            query.put("q" + random.nextInt(3), random.nextBoolean() ? "x\u0001y" : "a".repeat(2001));
        }
        StringBuilder target = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> entry : query.entrySet()) {
            target.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
            separator = "&";
        }
        if (defect.equals("repeated query parameter")) {
            target.append(separator).append("p=1&p=2");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (keyed && !defect.equals("no idempotency key")) {
            headers.put("Idempotency-Key", defect.equals("malformed idempotency key")
                    ? (random.nextBoolean() ? "has space " + random.nextInt() : "k".repeat(129)) : "fuzz-" + UUID.randomUUID());
        }
        if (defect.equals("wrong content type")) {
            headers.put("Content-Type", WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size())));
        }
        String body = null;
        if (!bodySchema.isMissingNode()) {
            JsonNode value = value(bodySchema, random, 0);
            body = switch (defect) {
                case "unknown field" -> withObject(value).put("fuzzUnknown" + random.nextInt(100), odd).toString();
                case "nested unknown field" -> nestedUnknown(value, random, odd);
                case "wrong type" -> breakOne(value, random, node -> wrongType(node, random));
                case "extreme number" -> breakNumber(value, random, extreme);
                case "text too long" -> breakOne(value, random, node -> NODES.stringNode("x".repeat(2001 + random.nextInt(100))));
                case "control character" -> breakOne(value, random, node -> NODES.stringNode("a\u0007" + odd));
                case "not JSON" -> List.of("{", "{\"a\":", "[1,2", "{'single':1}", "{\"a\":1}{\"b\":2}", "nul", "{\"a\":1,}")
                        .get(random.nextInt(7));
                default -> value.toString();
            };
        }
        return new Request(role, method, target.toString(), body, headers, defect);
    }

    /** Replaces one value somewhere in the document; an object that is empty gets an unknown field instead. */
    private String breakOne(JsonNode value, Random random, java.util.function.UnaryOperator<JsonNode> breaker) {
        List<Slot> slots = new ArrayList<>();
        slots(value, slots);
        if (slots.isEmpty()) {
            return withObject(value).put("fuzzUnknown", "x").toString();
        }
        slots.get(random.nextInt(slots.size())).set(breaker);
        return value.toString();
    }

    private String breakNumber(JsonNode value, Random random, String extreme) {
        List<Slot> slots = new ArrayList<>();
        slots(value, slots);
        List<Slot> numbers = slots.stream().filter(slot -> slot.current().isNumber()).toList();
        String marker = "\"__extreme__\"";
        if (numbers.isEmpty()) {
            return withObject(value).put("fuzzUnknown", 1).toString();
        }
        numbers.get(random.nextInt(numbers.size())).set(node -> NODES.stringNode("__extreme__"));
        // an out-of-range or fractional number must still reach the server as a JSON number, so it is spliced in as text
        return value.toString().replace(marker, extreme);
    }

    private String nestedUnknown(JsonNode value, Random random, String odd) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(value, objects);
        if (objects.isEmpty()) {
            return withObject(value).put("fuzzUnknown", odd).toString();
        }
        objects.get(random.nextInt(objects.size())).put("fuzzUnknown", odd);
        return value.toString();
    }

    private static ObjectNode withObject(JsonNode value) {
        return value instanceof ObjectNode object ? object : NODES.objectNode().set("value", value);
    }

    private static JsonNode wrongType(JsonNode node, Random random) {
        if (node.isString()) {
            return random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.booleanNode(true);
        }
        if (node.isNumber()) {
            return random.nextBoolean() ? NODES.stringNode(node.asString()) : NODES.booleanNode(false);
        }
        if (node.isBoolean()) {
            return NODES.stringNode("true");
        }
        if (node.isArray()) {
            return NODES.objectNode();
        }
        return NODES.arrayNode().add(1);
    }

    /** Where a value sits: in an object under a name, or in an array at an index. */
    private record Slot(JsonNode parent, String name, int index) {

        JsonNode current() {
            return parent instanceof ObjectNode object ? object.get(name) : parent.get(index);
        }

        void set(java.util.function.UnaryOperator<JsonNode> breaker) {
            if (parent instanceof ObjectNode object) {
                object.set(name, breaker.apply(object.get(name)));
            } else {
                ((ArrayNode) parent).set(index, breaker.apply(parent.get(index)));
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(name);
                if (child.isValueNode()) {
                    slots.add(new Slot(object, name, -1));
                }
                slots(child, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isValueNode()) {
                    slots.add(new Slot(array, null, i));
                }
                slots(array.get(i), slots);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> objects(child, objects));
    }

    /** A value the schema describes, or close to it: fields left out at random, texts and numbers of every kind. */
    private JsonNode value(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        if (type.equals("object") && depth < 6) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties").properties().forEach(property -> {
                if (random.nextInt(10) < 8) {
                    object.set(property.getKey(), value(property.getValue(), random, depth + 1));
                }
            });
            return object;
        }
        if (type.equals("array") && depth < 6) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                array.add(value(schema.path("items"), random, depth + 1));
            }
            return array;
        }
        return scalar(schema, random);
    }

    private static JsonNode scalar(JsonNode schema, Random random) {
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> NODES.numberNode(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(10_000));
            case "number" -> NODES.numberNode(random.nextInt(10_000));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> switch (format) {
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.stringNode("2026-01-0" + (1 + random.nextInt(9)) + "T10:00:00Z");
                case "date" -> NODES.stringNode("2026-01-0" + (1 + random.nextInt(9)));
                default -> NODES.stringNode(schema.path("pattern").asString("").contains("[A-Z]{3}")
                        ? List.of("JPY", "USD", "EUR", "XXX", "ABC").get(random.nextInt(5))
                        : List.of("A", "sku-1", "JPY", "Asia/Tokyo", "2030-12", "4111 1111 1111 1111", "00012345", "SAKURA10",
                                "2027-01-31T23:59", "x".repeat(64)).get(random.nextInt(10)));
            };
        };
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.get("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
