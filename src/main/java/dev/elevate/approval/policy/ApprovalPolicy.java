package dev.elevate.approval.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.elevate.approval.Approval;
import dev.elevate.approval.Decision;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.ApprovalStep;
import dev.elevate.identity.SignIn;
import dev.elevate.identity.directory.Person;
import dev.elevate.request.AccessRequest;

/**
 * The rules every decision passes, evaluated together so a page can show all of them. Pure:
 * everything it needs (Keycloak's live view of the decider and the current time included)
 * comes in as arguments.
 */
public final class ApprovalPolicy {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ApprovalPolicy() {
    }

    /**
     * @param stepUpAcr the {@code acr} a second-factor sign-in carries
     */
    public static PolicyEvaluation evaluate(AccessRequest request, AccessPolicy policy,
            List<Approval> approvals, Decider decider, Instant now, String stepUpAcr) {
        return evaluate(Ballot.of(request), policy, approvals, decider, now, stepUpAcr);
    }

    /**
     * @param approvals the decisions on this ballot so far (a request's and an extension's
     *     are counted apart)
     */
    public static PolicyEvaluation evaluate(Ballot ballot, AccessPolicy policy,
            List<Approval> approvals, Decider decider, Instant now, String stepUpAcr) {
        Map<String, Set<String>> given = approvedSteps(approvals);
        Map<String, Integer> places = places(policy);
        Map<String, String> assignment = StepMatcher.assign(given, places);
        Map<String, Integer> filled = StepMatcher.filled(assignment, places);

        Set<String> eligibleSteps = decider.live()
                .map(p -> stepsFor(policy, p)).orElse(Set.of());
        Map<String, Set<String>> withDecider = new LinkedHashMap<>(given);
        withDecider.put(decider.subject(), eligibleSteps);
        Map<String, String> after = StepMatcher.assign(withDecider, places);
        boolean wouldCount = after.size() > assignment.size();
        boolean completes = wouldCount && after.size() == policy.approvalsRequired();
        Set<String> countsFor = wouldCount && after.containsKey(decider.subject())
                ? Set.of(after.get(decider.subject())) : Set.of();

        String noun = ballot.noun();
        boolean pending = ballot.open();
        boolean inTime = now.isBefore(ballot.openUntil());
        boolean alreadyDecided = approvals.stream()
                .anyMatch(a -> a.approverSubject.equals(decider.subject()));
        boolean known = decider.live().filter(Person::enabled).isPresent();
        String allApprovers = policy.steps().stream()
                .map(s -> s.name() + " (" + s.approvers().describe() + ")")
                .collect(Collectors.joining(", "));
        String missing = missing(policy, filled);
        String missingAfter = missing(policy, StepMatcher.filled(after, places));

        List<PolicyCheck> checks = new ArrayList<>();
        checks.add(PolicyCheck.of("pending", PolicyCheck.Kind.STATE, pending,
                "The " + noun + " is waiting for a decision",
                "The " + noun + " is " + ballot.state() + " and can no longer be decided"));
        checks.add(PolicyCheck.of("pending-window", PolicyCheck.Kind.STATE, !pending || inTime,
                "Decisions are open until " + UTC.format(ballot.openUntil()),
                "The pending window closed at " + UTC.format(ballot.openUntil())));
        checks.add(PolicyCheck.of("one-decision-per-person", PolicyCheck.Kind.STATE,
                !alreadyDecided, "You have not decided on this " + noun + " yet",
                "You have already decided on this " + noun));
        checks.add(PolicyCheck.of("not-requester", PolicyCheck.Kind.APPROVER,
                !ballot.requesterSubject().equals(decider.subject()),
                "You are not the requester",
                "You requested this access; someone else must decide"));
        checks.add(PolicyCheck.of("approver-in-keycloak", PolicyCheck.Kind.APPROVER, known,
                "Keycloak knows you as an enabled user right now",
                "Keycloak has no enabled user " + decider.username() + " right now"));
        checks.add(PolicyCheck.of("approver-step", PolicyCheck.Kind.APPROVER,
                !eligibleSteps.isEmpty(),
                "Keycloak lists you right now for step " + String.join(", ",
                        eligibleSteps.stream().sorted().toList()),
                "Keycloak does not list you right now in any approval step: " + allApprovers));
        if (policy.approversMustNotHold()) {
            Set<String> held = new HashSet<>(decider.activeEntitlements());
            List<String> toxic = new ArrayList<>(policy.conflicts());
            toxic.add(0, policy.entitlement());
            held.retainAll(toxic);
            checks.add(PolicyCheck.of("approver-holds-no-conflict", PolicyCheck.Kind.APPROVER,
                    held.isEmpty(),
                    "You hold neither " + policy.entitlement() + " nor one that conflicts",
                    "Refused: you hold " + String.join(", ", held.stream().sorted().toList())
                            + " yourself, and this policy bars holders from approving"));
        }
        if (policy.stepUp().required()) {
            boolean fresh = decider.signIn().satisfies(stepUpAcr, policy.stepUp().maxAge(), now);
            checks.add(PolicyCheck.of("step-up", PolicyCheck.Kind.STEP_UP, fresh,
                    "You signed in with a second factor within " + policy.stepUp().maxAge(),
                    "Deciding needs a sign-in with a second factor (acr " + stepUpAcr
                            + ") within the last " + policy.stepUp().maxAge()
                            + "; you have " + describe(decider.signIn(), now)));
        }
        checks.add(PolicyCheck.of("approval-counts", PolicyCheck.Kind.APPROVE_ONLY,
                wouldCount || eligibleSteps.isEmpty(),
                missing.isEmpty() ? "Every step is met" : "Your approval would count for step "
                        + String.join(", ", countsFor) + (completes ? " and complete the " + noun
                        : "; still needed after it: " + missingAfter),
                missing.isEmpty() ? "Every step is met already"
                        : "The steps you belong to are full already; still needed: " + missing));

        List<StepProgress> progress = policy.steps().stream()
                .map(s -> new StepProgress(s.name(), s.approvers().describe(), s.approvals(),
                        filled.get(s.name())))
                .toList();
        return new PolicyEvaluation(checks, progress, eligibleSteps, countsFor, completes);
    }

    /** What the steps still need, for example "1 more from security (group /security)". */
    private static String missing(AccessPolicy policy, Map<String, Integer> filled) {
        return policy.steps().stream()
                .filter(s -> filled.get(s.name()) < s.approvals())
                .map(s -> (s.approvals() - filled.get(s.name())) + " more from " + s.name()
                        + " (" + s.approvers().describe() + ")")
                .collect(Collectors.joining(" and "));
    }

    /** The steps a person belongs to, judged by Keycloak's current groups and roles. */
    public static Set<String> stepsFor(AccessPolicy policy, Person person) {
        if (!person.enabled()) {
            return Set.of();
        }
        return policy.steps().stream()
                .filter(s -> s.approvers().includes(person.groups(), person.roles()))
                .map(ApprovalStep::name)
                .collect(Collectors.toSet());
    }

    /** Whether approvals recorded so far meet every step. */
    public static boolean isMet(AccessPolicy policy, List<Approval> approvals) {
        return StepMatcher.assign(approvedSteps(approvals), places(policy)).size()
                == policy.approvalsRequired();
    }

    private static Map<String, Set<String>> approvedSteps(List<Approval> approvals) {
        Map<String, Set<String>> given = new LinkedHashMap<>();
        approvals.stream()
                .filter(a -> a.decision == Decision.APPROVE)
                .forEach(a -> given.put(a.approverSubject, a.steps()));
        return given;
    }

    private static Map<String, Integer> places(AccessPolicy policy) {
        Map<String, Integer> places = new LinkedHashMap<>();
        policy.steps().forEach(s -> places.put(s.name(), s.approvals()));
        return places;
    }

    private static String describe(SignIn signIn, Instant now) {
        String acr = "acr " + (signIn.acr() == null ? "none" : signIn.acr());
        if (signIn.authTime() == null) {
            return acr + " and no recorded sign-in time";
        }
        long ago = Math.max(0, now.getEpochSecond() - signIn.authTime().getEpochSecond());
        return acr + ", signed in " + ago + " s ago";
    }
}
