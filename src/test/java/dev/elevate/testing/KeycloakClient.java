package dev.elevate.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Talks to the test Keycloak over plain HTTP, independently of Elevate's own connector: bearer
 * tokens for the demo users, and the admin API to check who holds which realm role and to
 * change realm roles and group memberships for a test.
 */
public final class KeycloakClient {

    private KeycloakClient() {
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Instant> FETCHED = new ConcurrentHashMap<>();

    /**
     * An access token for a demo user, from the dev-only {@code elevate-cli} client; reused
     * for a minute, well inside the realm's five-minute token lifespan.
     */
    public static String accessToken(String username) {
        Instant fetched = FETCHED.get(username);
        if (fetched != null && fetched.isAfter(Instant.now().minusSeconds(60))) {
            return TOKENS.get(username);
        }
        String token = freshToken(username);
        TOKENS.put(username, token);
        FETCHED.put(username, Instant.now());
        return token;
    }

    private static String freshToken(String username) {
        return given().baseUri(url())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "elevate-cli")
                .formParam("username", username)
                .formParam("password", DemoUsers.password(username))
                .when().post("/realms/elevate/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String userId(String username) {
        List<Map<String, Object>> users = given().baseUri(url()).auth().oauth2(adminToken())
                .queryParam("username", username).queryParam("exact", true)
                .when().get("/admin/realms/elevate/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return (String) users.get(0).get("id");
    }

    /** The user's direct realm-role mappings, as Keycloak's admin API reports them now. */
    public static List<String> realmRoles(String username) {
        return given().baseUri(url()).auth().oauth2(adminToken())
                .when().get("/admin/realms/elevate/users/" + userId(username)
                        + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name");
    }

    /** Removes a direct realm-role mapping, so a test starts from a known state. */
    public static void removeRealmRole(String username, String role) {
        String token = adminToken();
        Map<String, Object> representation = given().baseUri(url()).auth().oauth2(token)
                .when().get("/admin/realms/elevate/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().baseUri(url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(representation))
                .when().delete("/admin/realms/elevate/users/" + userId(username)
                        + "/role-mappings/realm")
                .then().statusCode(204);
    }

    /** Adds a direct realm-role mapping again, as after {@link #removeRealmRole}. */
    public static void addRealmRole(String username, String role) {
        String token = adminToken();
        Map<String, Object> representation = given().baseUri(url()).auth().oauth2(token)
                .when().get("/admin/realms/elevate/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().baseUri(url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(representation))
                .when().post("/admin/realms/elevate/users/" + userId(username)
                        + "/role-mappings/realm")
                .then().statusCode(204);
    }

    /** The full paths of the groups the user is a direct member of, as Keycloak says now. */
    public static List<String> groups(String username) {
        return given().baseUri(url()).auth().oauth2(adminToken())
                .queryParam("briefRepresentation", false)
                .when().get("/admin/realms/elevate/users/" + userId(username) + "/groups")
                .then().statusCode(200).extract().jsonPath().getList("path");
    }

    /** Takes the user out of the group with this full path, such as {@code /dba/leads}. */
    public static void removeFromGroup(String username, String groupPath) {
        String token = adminToken();
        given().baseUri(url()).auth().oauth2(token)
                .when().delete("/admin/realms/elevate/users/" + userId(username) + "/groups/"
                        + groupId(token, groupPath))
                .then().statusCode(204);
    }

    /** Puts the user (back) into the group with this full path; a no-op for a member. */
    public static void addToGroup(String username, String groupPath) {
        String token = adminToken();
        given().baseUri(url()).auth().oauth2(token)
                .when().put("/admin/realms/elevate/users/" + userId(username) + "/groups/"
                        + groupId(token, groupPath))
                .then().statusCode(204);
    }

    /** Creates a realm role unless it exists; a composite one contains the given roles. */
    public static void ensureRealmRole(String role, String... contains) {
        String token = adminToken();
        int found = given().baseUri(url()).auth().oauth2(token)
                .when().get("/admin/realms/elevate/roles/" + role).statusCode();
        if (found == 404) {
            given().baseUri(url()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", role, "description", "created by a test"))
                    .when().post("/admin/realms/elevate/roles")
                    .then().statusCode(201);
        }
        if (contains.length > 0) {
            List<Map<String, Object>> parts = new ArrayList<>();
            for (String part : contains) {
                parts.add(given().baseUri(url()).auth().oauth2(token)
                        .when().get("/admin/realms/elevate/roles/" + part)
                        .then().statusCode(200).extract().jsonPath().getMap("$"));
            }
            given().baseUri(url()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(parts)
                    .when().post("/admin/realms/elevate/roles/" + role + "/composites")
                    .then().statusCode(204);
        }
    }

    /** Grants a realm role to every member of the group with this full path, or takes it back. */
    public static void groupRealmRole(String groupPath, String role, boolean granted) {
        String token = adminToken();
        Map<String, Object> representation = given().baseUri(url()).auth().oauth2(token)
                .when().get("/admin/realms/elevate/roles/" + role)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        RequestSpecification call = given().baseUri(url())
                .auth().oauth2(token).contentType(ContentType.JSON).body(List.of(representation));
        String mappings = "/admin/realms/elevate/groups/" + groupId(token, groupPath)
                + "/role-mappings/realm";
        (granted ? call.when().post(mappings) : call.when().delete(mappings))
                .then().statusCode(204);
    }

    private static String groupId(String token, String groupPath) {
        String path = groupPath.startsWith("/") ? groupPath : "/" + groupPath;
        return given().baseUri(url()).auth().oauth2(token)
                .when().get("/admin/realms/elevate/group-by-path" + path)
                .then().statusCode(200).extract().path("id");
    }

    private static String adminToken() {
        return given().baseUri(url())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin") // dev only
                .formParam("password", "admin") // dev only
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String url() {
        return "http://127.0.0.1:" + TestStack.KEYCLOAK_PORT;
    }
}
