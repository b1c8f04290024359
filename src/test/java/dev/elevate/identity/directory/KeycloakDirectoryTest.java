package dev.elevate.identity.directory;

import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who holds a role, read from the real Keycloak: directly, through a group, and through
 * composite roles at any depth, the same people whose effective roles name it.
 */
@QuarkusTest
class KeycloakDirectoryTest {

    private static final String INNER = "test-directory-inner";
    private static final String MIDDLE = "test-directory-middle";
    private static final String OUTER = "test-directory-outer";

    @Inject
    KeycloakDirectory directory;

    @Test
    void holdersThroughCompositeRolesAndGroups_countAsHolders() {
        KeycloakClient.ensureRealmRole(INNER);
        KeycloakClient.ensureRealmRole(MIDDLE, INNER);
        KeycloakClient.ensureRealmRole(OUTER, MIDDLE);
        String carol = KeycloakClient.userId(CAROL);
        String bob = KeycloakClient.userId(BOB);
        assertThat(directory.members(List.of(), List.of(INNER))).isEmpty();

        KeycloakClient.addRealmRole(CAROL, OUTER);
        KeycloakClient.groupRealmRole("/dba/leads", MIDDLE, true);
        try {
            Map<String, String> holders = directory.members(List.of(), List.of(INNER));
            assertThat(holders).containsEntry(carol, CAROL).containsEntry(bob, BOB)
                    .hasSize(2);
            assertThat(directory.person(carol).orElseThrow().roles()).contains(INNER);
            assertThat(directory.person(bob).orElseThrow().roles()).contains(INNER);
        } finally {
            KeycloakClient.removeRealmRole(CAROL, OUTER);
            KeycloakClient.groupRealmRole("/dba/leads", MIDDLE, false);
        }
        assertThat(directory.members(List.of(), List.of(INNER))).isEmpty();
    }
}
