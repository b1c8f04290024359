package dev.elevate.grant.connector.keycloak;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;

import dev.elevate.grant.GrantConfig;
import dev.elevate.grant.connector.AccessConnector;
import dev.elevate.grant.connector.ConnectorException;
import dev.elevate.grant.connector.GrantOrder;

/**
 * TODO: tokens issued before a revocation keep the role until they expire; ending the user's
 * sessions on revoke would close that, at the cost of signing them out everywhere.
 *
 * <p>TODO: a role the user held directly before Elevate granted it is removed on revocation
 * all the same; recording prior holdings (and telling them from other Elevate grants) fixes it.
 *
 * <p>Grants realm roles of a Keycloak realm by adding and removing the user's role mappings
 * through Keycloak's admin API, as the {@code elevate-connector} service account.
 */
@ApplicationScoped
public class KeycloakRealmRoleConnector implements AccessConnector {

    public static final String NAME = "keycloak-realm-role";

    @Inject
    Keycloak keycloak;

    @Inject
    GrantConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void grant(GrantOrder order) throws ConnectorException {
        String refusal = call(order, "grant", () -> {
            RoleRepresentation role = role(order.target());
            String why = refusal(role);
            if (why == null) {
                mappings(order).add(List.of(role));
            }
            return why;
        });
        if (refusal != null) {
            throw new ConnectorException("refusing to grant role " + order.target() + ": " + refusal);
        }
        if (!holds(order)) {
            throw new ConnectorException("Keycloak accepted role " + order.target()
                    + " but the user's role mappings do not show it");
        }
    }

    @Override
    public void revoke(GrantOrder order) throws ConnectorException {
        boolean gone = call(order, "revoke", () -> {
            RoleRepresentation role;
            try {
                role = role(order.target());
            } catch (WebApplicationException e) {
                if (isNotFound(e)) {
                    return true; // the role itself was deleted: nobody holds it any more
                }
                throw e;
            }
            try {
                mappings(order).remove(List.of(role));
            } catch (WebApplicationException e) {
                if (isNotFound(e)) {
                    return true; // the user was deleted, and their access with them
                }
                throw e;
            }
            return false;
        });
        if (!gone && holds(order)) {
            throw new ConnectorException("Keycloak accepted the removal of role "
                    + order.target() + " but the user's role mappings still show it");
        }
    }

    @Override
    public boolean holds(GrantOrder order) throws ConnectorException {
        return call(order, "read", () -> {
            try {
                // Direct mappings only: a role the user has through a group is not ours to take.
                return mappings(order).listAll().stream()
                        .anyMatch(r -> r.getName().equals(order.target()));
            } catch (WebApplicationException e) {
                if (isNotFound(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Roles no catalog entry may hand out, whatever it says: Elevate's own roles (an admin role
     * granted through Elevate would approve itself), Keycloak's built-in ones, and composites,
     * which would grant more than their name says.
     */
    static String refusal(RoleRepresentation role) {
        String name = role.getName();
        if (name.startsWith("elevate-")) {
            return "it is one of Elevate's own roles";
        }
        if (name.startsWith("default-roles-") || name.equals("offline_access")
                || name.equals("uma_authorization")) {
            return "it is one of Keycloak's built-in roles";
        }
        if (Boolean.TRUE.equals(role.isComposite())) {
            return "it is a composite role";
        }
        return null;
    }

    private RealmResource realm() {
        return keycloak.realm(config.keycloakRealm());
    }

    private RoleRepresentation role(String name) {
        return realm().roles().get(name).toRepresentation();
    }

    private RoleScopeResource mappings(GrantOrder order) {
        return realm().users().get(order.principalSubject()).roles().realmLevel();
    }

    private interface KeycloakCall<T> {
        T run();
    }

    private static <T> T call(GrantOrder order, String what, KeycloakCall<T> call)
            throws ConnectorException {
        try {
            return call.run();
        } catch (WebApplicationException e) {
            throw new ConnectorException("Keycloak refused to " + what + " role "
                    + order.target() + ": HTTP " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ConnectorException("Keycloak did not answer (" + what + " role "
                    + order.target() + "): " + rootMessage(e), e);
        } catch (RuntimeException e) {
            // Anything else still must end in a recorded, retried failure, not a lost job.
            throw new ConnectorException("Keycloak call failed (" + what + " role "
                    + order.target() + "): " + rootMessage(e), e);
        }
    }

    // The REST client reports a 404 as a plain WebApplicationException, not NotFoundException.
    private static boolean isNotFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
