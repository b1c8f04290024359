package dev.elevate.identity.directory;

import java.util.Set;

/**
 * A person as Keycloak knows them right now: group paths they are a member of and their
 * effective realm roles (composites and group roles included).
 */
public record Person(String subject, String username, boolean enabled, Set<String> groups,
        Set<String> roles) {

    public Person {
        groups = Set.copyOf(groups);
        roles = Set.copyOf(roles);
    }
}
