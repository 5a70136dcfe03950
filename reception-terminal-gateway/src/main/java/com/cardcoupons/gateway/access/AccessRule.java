package com.cardcoupons.gateway.access;

import com.cardcoupons.platform.identity.Role;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Set;

/**
 * One row of the route-to-role table: these methods on these paths are for these roles. When
 * {@code merchantOwns} names a path variable, a merchant may use the route only for a campaign of its own.
 */
public record AccessRule(Set<String> methods, List<String> paths, Set<Role> roles, String merchantOwns) {

    public AccessRule {
        if (methods == null || methods.isEmpty() || paths == null || paths.isEmpty() || roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an access rule names methods, paths and roles");
        }
        methods = Set.copyOf(methods.stream().map(String::toUpperCase).toList());
        paths = List.copyOf(paths);
        roles = Set.copyOf(roles);
        if (merchantOwns != null && paths.stream().anyMatch(path -> !path.contains("{" + merchantOwns + "}"))) {
            throw new IllegalArgumentException("every path of a rule with merchantOwns=" + merchantOwns + " has that variable");
        }
    }

    List<PathPattern> patterns() {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
