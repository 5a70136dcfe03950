package com.cardcoupons.gateway.apidocs;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway answers itself, before or instead of the service: a missing or invalid API key, a role or merchant
 * the route-to-role table refuses, a body too large, a rate limit, a service that is down or late. A caller of the
 * gateway never sees a service's refusal of the gateway's identity headers: the gateway always signs them.
 */
final class GatewayRefusals {

    private static final Map<Integer, List<String>> ANSWERED = new LinkedHashMap<>();

    static {
        ANSWERED.put(400, List.of("NON_CANONICAL_PATH", "MALFORMED_QUERY", "DUPLICATE_PARAMETER", "MALFORMED_REQUEST"));
        ANSWERED.put(401, List.of("API_KEY_MISSING", "API_KEY_INVALID"));
        ANSWERED.put(403, List.of("ROLE_NOT_PERMITTED", "OTHER_MERCHANT"));
        ANSWERED.put(413, List.of("PAYLOAD_TOO_LARGE"));
        ANSWERED.put(429, List.of("RATE_LIMITED"));
        ANSWERED.put(500, List.of("INTERNAL_ERROR"));
        ANSWERED.put(503, List.of("SERVICE_UNAVAILABLE", "AUTHENTICATION_UNAVAILABLE"));
        ANSWERED.put(504, List.of("SERVICE_TIMEOUT"));
    }

    /** Codes a service answers only to a caller that went around the gateway. */
    private static final Set<String> BEHIND_THE_GATEWAY = Set.of("GATEWAY_IDENTITY_MISSING", "GATEWAY_IDENTITY_INVALID");

    private GatewayRefusals() {
    }

    static void addTo(ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        ObjectNode template = refusalTemplate(responses);
        if (template == null) {
            return;
        }
        for (String status : List.copyOf(responses.propertyNames())) {
            if (responses.get(status) instanceof ObjectNode response && response.has("x-problem-codes")) {
                Set<String> codes = codes(response);
                codes.removeAll(BEHIND_THE_GATEWAY);
                if (codes.isEmpty()) {
                    responses.remove(status);
                } else {
                    setCodes(response, Integer.parseInt(status), codes);
                }
            }
        }
        ANSWERED.forEach((status, added) -> {
            ObjectNode response;
            if (responses.get(status.toString()) instanceof ObjectNode existing) {
                response = existing;
            } else {
                // the Problem Details content and headers of the service's refusal; its codes are not this status's
                response = template.deepCopy();
                response.remove("x-problem-codes");
            }
            responses.set(status.toString(), response);
            Set<String> codes = response.has("x-problem-codes") ? codes(response) : new TreeSet<>();
            codes.addAll(added);
            setCodes(response, status, codes);
        });
    }

    /** A refusal the service documented, to copy the Problem Details content and headers of. */
    private static ObjectNode refusalTemplate(ObjectNode responses) {
        for (JsonNode response : responses) {
            if (response.has("x-problem-codes")) {
                return (ObjectNode) response;
            }
        }
        return null;
    }

    private static Set<String> codes(ObjectNode response) {
        Set<String> codes = new TreeSet<>();
        response.path("x-problem-codes").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    private static void setCodes(ObjectNode response, int status, Set<String> codes) {
        ArrayNode list = response.putArray("x-problem-codes");
        codes.forEach(list::add);
        HttpStatus known = HttpStatus.resolve(status);
        response.put("description", (known == null ? "HTTP " + status : known.getReasonPhrase()) + ": " + String.join(", ", codes));
        if (status != 405 && response.path("headers").has("Allow")) {
            ((ObjectNode) response.get("headers")).remove("Allow");
        }
    }
}
