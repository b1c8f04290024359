package dev.elevate.grant.connector.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;

class KeycloakRealmRoleConnectorTest {

    @Test
    void refuses_elevatesOwnRoles_builtInRoles_andComposites() {
        assertThat(KeycloakRealmRoleConnector.refusal(role("elevate-admin", false)))
                .contains("Elevate's own roles");
        assertThat(KeycloakRealmRoleConnector.refusal(role("default-roles-elevate", true)))
                .contains("built-in");
        assertThat(KeycloakRealmRoleConnector.refusal(role("ops-bundle", true)))
                .contains("composite");
    }

    @Test
    void grants_plainTargetRoles() {
        assertThat(KeycloakRealmRoleConnector.refusal(role("prod-db-admin", false))).isNull();
    }

    private static RoleRepresentation role(String name, boolean composite) {
        RoleRepresentation role = new RoleRepresentation();
        role.setName(name);
        role.setComposite(composite);
        return role;
    }
}
