package dev.elevate.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls Elevate's API as the demo users, and remembers what it submitted so a test can end
 * its requests afterwards: every test shares one database, and a user may hold only one open
 * request per entitlement.
 */
public final class Api {

    private final List<String[]> submitted = new ArrayList<>();

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(KeycloakClient.accessToken(username))
                .contentType(ContentType.JSON);
    }

    /** Submits a request and returns its id; fails the test unless the answer is 201. */
    public String submit(String username, String entitlement, String duration) {
        return submit(username, entitlement, duration, null);
    }

    public String submit(String username, String entitlement, String duration, String ticket) {
        Map<String, Object> body = new HashMap<>();
        body.put("entitlement", entitlement);
        body.put("duration", duration);
        body.put("justification", "Test run for " + entitlement + " on behalf of " + username);
        if (ticket != null) {
            body.put("ticket", ticket);
        }
        String id = as(username).body(body).when().post("/api/requests")
                .then().statusCode(201).extract().path("id");
        submitted.add(new String[] {username, id});
        return id;
    }

    /** Remembers a request submitted some other way, so {@link #endAll} ends it too. */
    public void track(String username, String id) {
        submitted.add(new String[] {username, id});
    }

    public static Response decide(String username, String id, String decision, String comment) {
        return as(username).body(Map.of("comment", comment))
                .when().post("/api/requests/" + id + "/" + decision);
    }

    public static String state(String username, String id) {
        return as(username).when().get("/api/requests/" + id)
                .then().statusCode(200).extract().path("state");
    }

    /** Polls until the request is in the state, or fails after the timeout. */
    public static void awaitState(String username, String id, String state, Duration timeout) {
        await(() -> state.equals(state(username, id)), timeout,
                () -> "request " + id + " to become " + state + " (is " + state(username, id) + ")");
    }

    public static void await(java.util.function.BooleanSupplier condition, Duration timeout,
            java.util.function.Supplier<String> what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
    }

    /** Ends what this test left open: cancels pending requests, revokes granted ones. */
    public void endAll() {
        for (String[] entry : submitted) {
            String user = entry[0];
            String id = entry[1];
            String state = state(user, id);
            if ("PENDING".equals(state)) {
                as(user).when().post("/api/requests/" + id + "/cancel");
            } else if ("APPROVED".equals(state) || "ACTIVE".equals(state)) {
                as(user).when().post("/api/requests/" + id + "/revoke");
            }
        }
        for (String[] entry : submitted) {
            Predicate<String> open = s -> s.equals("APPROVED") || s.equals("ACTIVE")
                    || s.equals("REVOKING") || s.equals("PENDING");
            await(() -> !open.test(state(entry[0], entry[1])), Duration.ofSeconds(30),
                    () -> "request " + entry[1] + " to end");
        }
        submitted.clear();
    }
}
