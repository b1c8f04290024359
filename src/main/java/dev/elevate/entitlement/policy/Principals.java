package dev.elevate.entitlement.policy;

import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak groups (full paths; members of subgroups count) and realm roles that name people.
 */
public record Principals(List<String> groups, List<String> roles) {

    public Principals {
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
    }

    public boolean isEmpty() {
        return groups.isEmpty() && roles.isEmpty();
    }

    /** Whether a person with these group paths and realm roles is named. */
    public boolean includes(Iterable<String> personGroups, Iterable<String> personRoles) {
        for (String role : personRoles) {
            if (roles.contains(role)) {
                return true;
            }
        }
        for (String path : personGroups) {
            for (String group : groups) {
                if (path.equals(group) || path.startsWith(group + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For example "group /dba/leads or role elevate-approver". */
    public String describe() {
        return String.join(" or ", Stream.concat(groups.stream().map(g -> "group " + g),
                roles.stream().map(r -> "role " + r)).toList());
    }
}
