package dev.elevate.identity;

import java.util.Set;

/**
 * The signed-in person making this call, as Keycloak vouched for them in the token.
 *
 * @param subject Keycloak's user id ({@code sub}); the key every record uses
 * @param username Keycloak's {@code preferred_username}, for people to read
 * @param roles realm roles from the access token
 * @param groups group paths from the token's {@code groups} claim
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> groups) {

    public Caller {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean inGroup(String groupPath) {
        return groups.contains(groupPath);
    }

    public Actor via(Channel channel) {
        return new Actor(subject, username, channel);
    }
}
