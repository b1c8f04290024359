package dev.elevate.web.api;

import static dev.elevate.testing.DemoUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input is answered 400 with the field and the rule, and nothing is stored. */
@QuarkusTest
class RequestValidationApiTest {

    @Inject
    DataSource db;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "entitlement | no-such-thing | must name an entitlement in the catalog",
        "duration    | 1h            | must be an ISO-8601 duration such as PT1H or PT30M",
        "duration    | PT0S          | must be longer than zero",
        "duration    | -PT1H         | must be longer than zero",
        "duration    | PT5M          | must be at least PT15M",
        "duration    | PT5H          | must be at most PT4H",
        "justification | ''          | is required",
    })
    void badField_is400NamingFieldAndRule_andStoresNothing(String field, String value,
            String rule) {
        Map<String, Object> body = validBody();
        body.put(field, value);
        long before = requestsAndAudit();

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.rule", hasItem(rule));

        assertThat(requestsAndAudit()).isEqualTo(before);
    }

    @Test
    void oversizedJustification_is400() {
        Map<String, Object> body = validBody();
        body.put("justification", "x".repeat(1001));

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo("must be at most 1000 characters"));
    }

    @Test
    void unknownField_is400NamingIt() {
        Map<String, Object> body = validBody();
        body.put("approver", "alice");
        long before = requestsAndAudit();

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("approver"))
                .body("errors[0].rule", equalTo("is not a known field"));

        assertThat(requestsAndAudit()).isEqualTo(before);
    }

    @Test
    void fieldGivenTwice_is400NamingIt_andStoresNothing() {
        String twiceLast = "{\"entitlement\": \"staging-debug\", \"duration\": \"PT30M\", "
                + "\"justification\": \"first of two reasons\", "
                + "\"justification\": \"second of two reasons\"}";
        String twiceFirst = "{\"entitlement\": \"staging-debug\", "
                + "\"entitlement\": \"prod-db-admin\", \"duration\": \"PT30M\", "
                + "\"justification\": \"one reason only here\"}";
        long before = requestsAndAudit();

        for (String[] c : new String[][] {{"justification", twiceLast},
                {"entitlement", twiceFirst}}) {
            Api.as(ALICE).body(c[1]).when().post("/api/requests")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo(c[0]))
                    .body("errors[0].rule", equalTo("is given more than once"));
        }

        assertThat(requestsAndAudit()).isEqualTo(before);
    }

    @Test
    void durationAsNumber_is400() {
        Map<String, Object> body = validBody();
        body.put("duration", 3600);

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("duration"));
    }

    @Test
    void nulCharacter_is400NotAServerError() {
        Map<String, Object> body = validBody();
        body.put("justification", "nul \u0000 inside the justification");
        long before = requestsAndAudit();

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo(
                        "must not contain control characters other than line breaks and tabs"));
        body.put("justification", "Investigating INC-42 slow queries");
        body.put("entitlement", "prod\u0000db");
        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("entitlement"));

        assertThat(requestsAndAudit()).isEqualTo(before);
    }

    @Test
    void numberWhereTextIsExpected_is400_notCoerced() {
        Map<String, Object> body = validBody();
        body.put("justification", 1234567890123L);

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("justification"))
                .body("errors[0].rule", equalTo("must be a string"));
    }

    @Test
    void auditPageNotANumber_is400NamingPage() {
        Api.as("dave").queryParam("page", "abc").when().get("/api/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void invalidJson_is400() {
        Api.as(ALICE).body("{\"entitlement\": ").when().post("/api/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void missingTicket_whereRequired_is400() {
        Map<String, Object> body = validBody();
        body.put("entitlement", "payments-operator");
        body.put("duration", "PT30M");

        Api.as(ALICE).body(body).when().post("/api/requests")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("ticket"))
                .body("errors[0].rule", equalTo("is required for this entitlement"));
    }

    @Test
    void problem_leaksNoExceptionDetails() {
        String body = Api.as(ALICE).body("[1,2]").when().post("/api/requests")
                .then().statusCode(400).extract().asString();

        assertThat(body).doesNotContain("Exception").doesNotContain("jackson")
                .contains("correlationId");
    }

    /** What a submission would add; other tests' asynchronous events do not count. */
    private long requestsAndAudit() {
        return Database.count(db, "select count(*) from access_request")
                + Database.count(db,
                        "select count(*) from audit_event where type = 'request.submitted'");
    }

    private static Map<String, Object> validBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("entitlement", "prod-db-admin");
        body.put("duration", "PT1H");
        body.put("justification", "Investigating INC-42 slow queries");
        return body;
    }
}
