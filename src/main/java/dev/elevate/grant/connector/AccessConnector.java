package dev.elevate.grant.connector;

/**
 * Gives and takes away access in one kind of target system. Implementations are idempotent
 * and confirm each change before returning; they never log credentials.
 */
public interface AccessConnector {

    /** The name entitlements use to pick this connector, e.g. {@code keycloak-realm-role}. */
    String name();

    void grant(GrantOrder order) throws ConnectorException;

    /** Removes the access; access that is already gone counts as removed. */
    void revoke(GrantOrder order) throws ConnectorException;

    /** Reads back whether the principal holds the access now. */
    boolean holds(GrantOrder order) throws ConnectorException;
}
