package dev.elevate.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.testing.Fixtures;

class RequestRulesTest {

    private AccessPolicy prodDb = Fixtures.policyNeedingApprovals(1);

    @Test
    void validDraft_hasNoViolations() {
        assertThat(check(draft("PT1H", "Investigating INC-42"))).isEmpty();
    }

    @ParameterizedTest(name = "duration {0}: {1}")
    @CsvSource({
        "1h, must be an ISO-8601 duration such as PT1H or PT30M",
        "PT0S, must be longer than zero",
        "PT-1H, must be longer than zero",
        "PT14M, must be at least PT15M",
        "PT4H1S, must be at most PT4H",
        "PT1.5S, must be a whole number of seconds",
    })
    void badDuration_namesFieldAndRule(String duration, String rule) {
        assertThat(check(draft(duration, "Investigating INC-42")))
                .containsExactly(new FieldViolation("duration", rule));
    }

    @Test
    void boundaries_areInclusive() {
        assertThat(check(draft("PT15M", "Investigating INC-42"))).isEmpty();
        assertThat(check(draft("PT4H", "Investigating INC-42"))).isEmpty();
    }

    @Test
    void emptyDraft_reportsEveryRequiredField() {
        List<FieldViolation> violations = RequestRules.check(
                new RequestDraft(null, null, " ", null), null, Fixtures.NOW);

        assertThat(violations).extracting(FieldViolation::field)
                .containsExactly("entitlement", "duration", "justification");
    }

    @Test
    void unknownEntitlement_isAViolation() {
        assertThat(RequestRules.check(new RequestDraft("nope", "PT1H", "Investigating INC-42",
                null), null, Fixtures.NOW)).containsExactly(new FieldViolation("entitlement",
                        "must name an entitlement in the catalog"));
    }

    @Test
    void scheduledStart_mustBeFutureAndWithinThePolicysDelay() {
        assertThat(check(new RequestDraft("prod-db-admin", "PT1H", "Investigating INC-42", null,
                "2026-12-04T11:00:00+01:00", false)))
                .containsExactly(new FieldViolation("startsAt", "must be in the future"));
        assertThat(check(new RequestDraft("prod-db-admin", "PT1H", "Investigating INC-42", null,
                "2026-12-20T09:00:00+01:00", false)))
                .containsExactly(new FieldViolation("startsAt", "must be at most PT168H from now"));
        assertThat(check(new RequestDraft("prod-db-admin", "PT1H", "Investigating INC-42", null,
                "2026-12-05T09:00:00-05:00", false))).isEmpty();
        assertThat(check(new RequestDraft("prod-db-admin", "PT1H", "Investigating INC-42", null,
                "tomorrow", false))).extracting(FieldViolation::field).containsExactly("startsAt");
    }

    @Test
    void oversizedJustification_isRefused() {
        assertThat(check(draft("PT1H", "x".repeat(1001))))
                .containsExactly(new FieldViolation("justification",
                        "must be at most 1000 characters"));
    }

    @Test
    void ticket_requiredWhereEntitlementSaysSo() {
        prodDb = Fixtures.policy().ticketRequired().build();

        assertThat(check(draft("PT1H", "Investigating INC-42")))
                .containsExactly(new FieldViolation("ticket", "is required for this entitlement"));
        assertThat(check(new RequestDraft("prod-db-admin", "PT1H",
                "Investigating INC-42", "PAY-1234"))).isEmpty();
    }

    private List<FieldViolation> check(RequestDraft draft) {
        return RequestRules.check(draft, prodDb, Fixtures.NOW);
    }

    private static RequestDraft draft(String duration, String justification) {
        return new RequestDraft("prod-db-admin", duration, justification, null);
    }
}
