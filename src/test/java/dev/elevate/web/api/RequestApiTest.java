package dev.elevate.web.api;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RequestApiTest {

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void submit_returnsCreatedPendingRequest() {
        String id = given().auth().oauth2(KeycloakClient.accessToken(ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of("entitlement", "prod-db-admin", "duration", "PT1H",
                        "justification", "Investigating INC-42 slow queries"))
                .when().post("/api/requests")
                .then().statusCode(201)
                .header("Location", containsString("/api/requests/"))
                .body("state", equalTo("PENDING"))
                .body("entitlement", equalTo("prod-db-admin"))
                .extract().path("id");
        api.track(ALICE, id);

        given().auth().oauth2(KeycloakClient.accessToken(ALICE))
                .when().get("/api/requests/" + id)
                .then().statusCode(200).body("duration", equalTo("PT1H"));
    }

    @Test
    void secondOpenRequestForSameEntitlement_is409() {
        api.submit(ALICE, "staging-debug", "PT30M");

        Api.as(ALICE).body(Map.of("entitlement", "staging-debug", "duration", "PT30M",
                        "justification", "Same thing again, please"))
                .when().post("/api/requests")
                .then().statusCode(409)
                .body("detail", containsString("already have an open request"));
    }

    @Test
    void entitlements_listsOnlyWhatCallerMayRequest() {
        given().auth().oauth2(KeycloakClient.accessToken(ALICE))
                .when().get("/api/entitlements")
                .then().statusCode(200).body("key", hasItem("prod-db-admin"));
        given().auth().oauth2(KeycloakClient.accessToken(DAVE))
                .when().get("/api/entitlements")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void noToken_is401ProblemNotARedirect() {
        given().redirects().follow(false)
                .when().get("/api/entitlements")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
    }

    @Test
    void forgedToken_is401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .redirects().follow(false)
                .when().get("/api/requests")
                .then().statusCode(401);
    }

    @Test
    void approverCannotSubmit() {
        given().auth().oauth2(KeycloakClient.accessToken(BOB))
                .contentType(ContentType.JSON)
                .body(Map.of("entitlement", "prod-db-admin", "duration", "PT1H",
                        "justification", "Investigating INC-42 slow queries"))
                .when().post("/api/requests")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }
}
