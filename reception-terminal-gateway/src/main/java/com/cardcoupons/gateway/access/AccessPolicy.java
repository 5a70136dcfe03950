package com.cardcoupons.gateway.access;

import com.cardcoupons.platform.identity.Role;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's route-to-role table. Access is granted by a rule, never by omission: a path no rule names does not
 * exist at the gateway, and a role no matching rule names is refused. Rules only add permissions, so the order of
 * the rows does not matter.
 */
public final class AccessPolicy {

    private final List<Compiled> compiled;

    public AccessPolicy(List<AccessRule> rules) {
        this.compiled = rules.stream().map(rule -> new Compiled(rule, rule.patterns())).toList();
    }

    public Decision decide(String method, String path, Role role) {
        boolean methodKnown = false;
        Set<String> allowed = new TreeSet<>();
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled candidate : compiled) {
            AccessRule rule = candidate.rule();
            Optional<Map<String, String>> variables = candidate.match(container);
            if (variables.isEmpty()) {
                continue;
            }
            allowed.addAll(rule.methods());
            if (!rule.methods().contains(method)) {
                continue;
            }
            methodKnown = true;
            if (rule.roles().contains(role)) {
                String ownedCampaign = role == Role.MERCHANT && rule.merchantOwns() != null
                        ? variables.get().get(rule.merchantOwns()) : null;
                return new Decision(Outcome.PERMITTED, ownedCampaign, Collections.unmodifiableSet(allowed));
            }
        }
        Outcome refusal = allowed.isEmpty() ? Outcome.NO_ROUTE : !methodKnown ? Outcome.METHOD_NOT_ALLOWED : Outcome.FORBIDDEN;
        return new Decision(refusal, null, Collections.unmodifiableSet(allowed));
    }

    /** A rule with its path patterns parsed once. */
    private record Compiled(AccessRule rule, List<PathPattern> patterns) {

        Optional<Map<String, String>> match(PathContainer path) {
            for (PathPattern pattern : patterns) {
                PathPattern.PathMatchInfo info = pattern.matchAndExtract(path);
                if (info != null) {
                    return Optional.of(info.getUriVariables());
                }
            }
            return Optional.empty();
        }
    }

    /** What the table says about one call. */
    public enum Outcome { PERMITTED, FORBIDDEN, METHOD_NOT_ALLOWED, NO_ROUTE }

    /**
     * The table's answer; when permitted for a merchant on a route of its own campaigns, {@code ownedCampaign} is
     * the campaign id from the path, which must be the merchant's. {@code allowedMethods} are the methods any rule
     * names for the path (the {@code Allow} of a 405); a permitted rule here may still lead to a method its service
     * does not serve, which the service then answers with its own 405.
     */
    public record Decision(Outcome outcome, String ownedCampaign, Set<String> allowedMethods) {
    }
}
