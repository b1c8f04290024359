package dev.elevate.entitlement.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reading policy documents: every rule refuses the whole document with line and path. */
class PolicyDocumentReaderTest {

    private static final Set<String> CATALOG = Set.of("prod-db-admin", "payments-deploy",
            "payments-release-approve");

    private static final String YAML = """
            format: elevate-policy/v1
            policies:
              - entitlement: prod-db-admin
                risk: high
                requesters:
                  groups: [/engineering]
                duration:
                  min: PT15M
                  default: PT1H
                  max: PT4H
                pendingTimeout: PT24H
                steps:
                  - name: dba-lead
                    approvers:
                      groups: [/dba/leads]
                    approvals: 1
                  - name: security
                    approvers:
                      groups: [/security/leads]
                      roles: [security-officer]
                    approvals: 1
                approversMustNotHold: true
                stepUp:
                  maxAge: PT5M
                extensions:
                  maxCount: 2
                  requiresApproval: true
                  totalMax: PT8H
                breakGlass:
                  allowed: true
                  reviewWithin: PT24H
              - entitlement: payments-deploy
                requesters:
                  roles: [elevate-engineer]
                duration: {min: PT15M, default: PT1H, max: PT4H}
                pendingTimeout: PT4H
                steps:
                  - name: approvers
                    approvers: {groups: [/approvers]}
                    approvals: 2
                conflicts: [payments-release-approve]
                autoApproval:
                  - name: on-call
                    requesters: {groups: [/engineering/oncall]}
                    maxDuration: PT30M
                    hours: {zone: Europe/Berlin, days: [MON, TUE, WED, THU, FRI],
                            from: "08:00", to: "18:00"}
            """;

    @Test
    void yamlDocument_readsEveryField() {
        PolicyDocument document = read(YAML, PolicyFormat.YAML);

        AccessPolicy db = document.policyFor("prod-db-admin").orElseThrow();
        assertThat(db.risk()).isEqualTo(Risk.HIGH);
        assertThat(db.steps()).extracting(ApprovalStep::name).containsExactly("dba-lead",
                "security");
        assertThat(db.approvalsRequired()).isEqualTo(2);
        assertThat(db.stepUp()).isEqualTo(new StepUpRule(true, Duration.ofMinutes(5)));
        assertThat(db.extensions()).isEqualTo(new ExtensionRule(2, true, Duration.ofHours(8)));
        assertThat(db.breakGlass()).isEqualTo(new BreakGlassRule(true, Duration.ofHours(24)));
        assertThat(db.maxStartDelay()).isEqualTo(Duration.ofDays(7));
        AccessPolicy deploy = document.policyFor("payments-deploy").orElseThrow();
        assertThat(deploy.risk()).isEqualTo(Risk.MEDIUM);
        assertThat(deploy.conflicts()).containsExactly("payments-release-approve");
        assertThat(deploy.autoApproval().get(0).hours()).isPresent();
    }

    @Test
    void export_readsBackToTheSamePolicies_inBothFormats() {
        PolicyDocument document = read(YAML, PolicyFormat.YAML);

        for (PolicyFormat format : PolicyFormat.values()) {
            String written = PolicyDocumentWriter.write(document, format);
            assertThat(read(written, format)).as(format.name()).isEqualTo(document);
        }
        AccessPolicy db = document.policies().get(0);
        assertThat(PolicyDocumentReader.readStored(PolicyDocumentWriter.policyJson(db)))
                .isEqualTo(db);
    }

    @Test
    void badValues_areAllReported_withTheirLines() {
        String bad = YAML.replace("approvals: 1\n      - name: security",
                        "approvals: 0\n      - name: security")
                .replace("maxAge: PT5M", "maxAge: 5 minutes")
                .replace("risk: high", "risk: extreme")
                .replace("conflicts: [payments-release-approve]", "conflicts: [nope]");

        List<PolicyProblem> problems = problems(bad, PolicyFormat.YAML);

        assertThat(problems).extracting(PolicyProblem::toString).containsExactly(
                "line 4 /policies/0/risk: must be one of low, medium, high",
                "line 16 /policies/0/steps/0/approvals: must be a whole number from 1 to 10",
                "line 24 /policies/0/stepUp/maxAge: must be an ISO-8601 duration such as PT30M,"
                        + " PT4H or P1D",
                "line 41 /policies/1/conflicts/0: no entitlement nope in the catalog");
    }

    @Test
    void unknownField_missingField_andUnknownEntitlement_areRefused() {
        String bad = YAML.replace("    approversMustNotHold: true\n",
                        "    approversMustNotHold: true\n    aprovers: []\n")
                .replace("    pendingTimeout: PT4H\n", "")
                .replace("entitlement: prod-db-admin", "entitlement: prod-db-admn");

        List<PolicyProblem> problems = problems(bad, PolicyFormat.YAML);

        assertThat(problems).extracting(PolicyProblem::rule).anyMatch(r -> r.startsWith(
                "'aprovers' is not a known field here"))
                .contains("pendingTimeout is required", "no entitlement prod-db-admn in the catalog");
        assertThat(problems).filteredOn(p -> p.rule().startsWith("'aprovers'"))
                .extracting(PolicyProblem::line).containsExactly(23);
    }

    @Test
    void crossFieldRules_areChecked() {
        String bad = YAML.replace("default: PT1H\n      max: PT4H", "default: PT5H\n      max: PT4H")
                .replace("risk: high", "risk: high\n    autoApproval:\n      - name: x\n"
                        + "        requesters: {groups: [/oncall]}")
                .replace("from: \"08:00\", to: \"18:00\"", "from: \"18:00\", to: \"08:00\"");

        List<PolicyProblem> problems = problems(bad, PolicyFormat.YAML);

        assertThat(problems).extracting(PolicyProblem::rule).contains(
                "must satisfy min <= default <= max",
                "auto-approval is not allowed for a high-risk entitlement",
                "must be later than from (hours cannot span midnight)");
    }

    @Test
    void duplicateEntitlementsOrKeys_andSyntaxErrors_areRefused() {
        String twice = YAML + YAML.substring(YAML.indexOf("  - entitlement: payments-deploy"));
        assertThat(problems(twice, PolicyFormat.YAML)).extracting(PolicyProblem::rule)
                .contains("entitlement payments-deploy appears more than once in the document");

        List<PolicyProblem> syntax = problems("{\"format\": \"elevate-policy/v1\",\n"
                + "\"policies\": [\n  {\"entitlement\": }\n]}", PolicyFormat.JSON);
        assertThat(syntax).hasSize(1);
        assertThat(syntax.get(0).line()).isEqualTo(3);
        assertThat(syntax.get(0).rule()).startsWith("not valid JSON");

        assertThat(problems("format: elevate-policy/v2\npolicies: []\n", PolicyFormat.YAML))
                .extracting(PolicyProblem::toString).containsExactly(
                        "line 1 /format: format must be \"elevate-policy/v1\"",
                        "line 2 /policies: policies must be a non-empty list of entitlement "
                                + "policies");
    }

    @Test
    void aDuplicateKey_doesNotHideTheOtherProblems() {
        String bad = """
                {"format": "elevate-policy/v1", "policies": [{
                  "entitlement": "prod-db-admin",
                  "requesters": {"groups": ["/engineering"]},
                  "duration": {"min": "PT1M", "default": "PT1M", "max": "PT1M"},
                  "pendingTimeout": "PT1H",
                  "pendingTimeout": "PT2H",
                  "steps": []
                }]}
                """;

        List<PolicyProblem> found = problems(bad, PolicyFormat.JSON);
        assertThat(found).extracting(PolicyProblem::line).containsExactlyInAnyOrder(6, 7);
        assertThat(found).extracting(PolicyProblem::rule)
                .contains("'pendingTimeout' is given twice");
    }

    @Test
    void noStepsOrNoRequesters_isRefused() {
        String bad = """
                {"format": "elevate-policy/v1", "policies": [{
                  "entitlement": "prod-db-admin",
                  "requesters": {"groups": []},
                  "duration": {"min": "PT1M", "default": "PT1M", "max": "PT1M"},
                  "pendingTimeout": "PT1H",
                  "steps": []
                }]}
                """;

        assertThat(problems(bad, PolicyFormat.JSON)).extracting(PolicyProblem::toString)
                .containsExactly(
                        "line 3 /policies/0/requesters: requesters must name at least one group "
                                + "or role",
                        "line 6 /policies/0/steps: steps must be a non-empty list: every request "
                                + "needs someone to approve it");
    }

    private static PolicyDocument read(String text, PolicyFormat format) {
        return PolicyDocumentReader.read(text, format, CATALOG::contains);
    }

    private static List<PolicyProblem> problems(String text, PolicyFormat format) {
        InvalidPolicyDocumentException refused = catchThrowableOfType(
                InvalidPolicyDocumentException.class, () -> read(text, format));
        assertThat(refused).as("document should be refused").isNotNull();
        return refused.problems();
    }
}
