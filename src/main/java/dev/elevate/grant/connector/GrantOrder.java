package dev.elevate.grant.connector;

import java.util.UUID;

/**
 * One thing a connector is asked to give or take away.
 *
 * @param target the connector's own name for what is granted (a role, a group)
 * @param principalSubject the Keycloak subject of the person receiving it
 */
public record GrantOrder(UUID requestId, String connector, String target,
        String principalSubject) {
}
