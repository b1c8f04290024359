package dev.elevate.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.elevate.entitlement.Entitlement;
import dev.elevate.testing.Fixtures;

class RequestRulesTest {

    private final Entitlement prodDb = Fixtures.entitlementNeedingApprovals(1);

    @Test
    void validDraft_hasNoViolations() {
        assertThat(RequestRules.check(draft("PT1H", "Investigating INC-42"), prodDb)).isEmpty();
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
        assertThat(RequestRules.check(draft(duration, "Investigating INC-42"), prodDb))
                .containsExactly(new FieldViolation("duration", rule));
    }

    @Test
    void boundaries_areInclusive() {
        assertThat(RequestRules.check(draft("PT15M", "Investigating INC-42"), prodDb)).isEmpty();
        assertThat(RequestRules.check(draft("PT4H", "Investigating INC-42"), prodDb)).isEmpty();
    }

    @Test
    void emptyDraft_reportsEveryRequiredField() {
        List<FieldViolation> violations = RequestRules.check(
                new RequestDraft(null, null, " ", null), null);

        assertThat(violations).extracting(FieldViolation::field)
                .containsExactly("entitlement", "duration", "justification");
    }

    @Test
    void unknownEntitlement_isAViolation() {
        assertThat(RequestRules.check(new RequestDraft("nope", "PT1H", "Investigating INC-42",
                null), null)).containsExactly(new FieldViolation("entitlement",
                        "must name an entitlement in the catalog"));
    }

    @Test
    void oversizedJustification_isRefused() {
        assertThat(RequestRules.check(draft("PT1H", "x".repeat(1001)), prodDb))
                .containsExactly(new FieldViolation("justification",
                        "must be at most 1000 characters"));
    }

    @Test
    void ticket_requiredWhereEntitlementSaysSo() {
        prodDb.ticketRequired = true;

        assertThat(RequestRules.check(draft("PT1H", "Investigating INC-42"), prodDb))
                .containsExactly(new FieldViolation("ticket", "is required for this entitlement"));
        assertThat(RequestRules.check(new RequestDraft("prod-db-admin", "PT1H",
                "Investigating INC-42", "PAY-1234"), prodDb)).isEmpty();
    }

    private static RequestDraft draft(String duration, String justification) {
        return new RequestDraft("prod-db-admin", duration, justification, null);
    }
}
