package dev.elevate.approval.policy;

import java.util.Optional;
import java.util.Set;

import dev.elevate.identity.SignIn;
import dev.elevate.identity.directory.Person;

/**
 * The person about to decide, as the rules need them.
 *
 * @param live Keycloak's current view of them; empty when Keycloak no longer knows them
 * @param activeEntitlements entitlements they hold right now through Elevate
 * @param signIn how and when they last signed in, for step-up
 */
public record Decider(String subject, String username, Optional<Person> live,
        Set<String> activeEntitlements, SignIn signIn) {

    public Decider {
        activeEntitlements = Set.copyOf(activeEntitlements);
    }
}
