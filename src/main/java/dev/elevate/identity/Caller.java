package dev.elevate.identity;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person making this call, as Keycloak vouched for them in the token.
 *
 * @param subject Keycloak's user id ({@code sub}); the key every record uses
 * @param username Keycloak's {@code preferred_username}, for people to read
 * @param roles realm roles from the access token
 * @param groups group paths from the token's {@code groups} claim
 * @param signIn the token's {@code acr} and {@code auth_time}, for step-up rules
 * @param zone the token's {@code zoneinfo} claim, if it names a known time zone
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> groups,
        SignIn signIn, Optional<ZoneId> zone) {

    public Caller {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    /** A caller with no sign-in details, as tests and background work construct them. */
    public Caller(String subject, String username, Set<String> roles, Set<String> groups) {
        this(subject, username, roles, groups, SignIn.UNKNOWN, Optional.empty());
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
