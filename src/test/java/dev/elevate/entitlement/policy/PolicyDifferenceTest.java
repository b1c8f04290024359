package dev.elevate.entitlement.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.elevate.testing.Fixtures;

/** What the confirmation page lists as changed: meaning, not spelling. */
class PolicyDifferenceTest {

    @Test
    void sameValueSpelledAnotherWay_isNoDifference_aChangedOneIs() {
        String normal = PolicyDocumentWriter.policyJson(Fixtures.policyNeedingApprovals(1));
        assertThat(normal).contains("\"maxStartDelay\":\"PT168H\"");
        String seeded = normal
                .replace("\"maxStartDelay\":\"PT168H\"", "\"maxStartDelay\":\"P7D\"")
                .replace("\"pendingTimeout\":\"PT24H\"", "\"pendingTimeout\":\"P1D\"");

        assertThat(PolicyChangeService.differences(seeded, normal)).isEmpty();

        String longer = normal.replace("\"pendingTimeout\":\"PT24H\"",
                "\"pendingTimeout\":\"PT48H\"");
        assertThat(PolicyChangeService.differences(seeded, longer))
                .extracting(PolicyDifference::field).containsExactly("pendingTimeout");
    }
}
