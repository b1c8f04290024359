package dev.elevate.approval.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import dev.elevate.approval.Approval;
import dev.elevate.approval.Decision;
import dev.elevate.entitlement.Audience;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.identity.Caller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.RequestState;

/**
 * The rules every decision passes, evaluated together so a page can show all of them. Pure:
 * everything it needs, the current time included, comes in as arguments.
 */
public final class ApprovalPolicy {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ApprovalPolicy() {
    }

    public static PolicyEvaluation evaluate(AccessRequest request, Entitlement entitlement,
            List<Approval> approvals, Caller approver, Instant now) {
        int given = (int) approvals.stream()
                .filter(a -> a.decision == Decision.APPROVE)
                .map(a -> a.approverSubject)
                .distinct()
                .count();
        boolean pending = request.state() == RequestState.PENDING;
        boolean inTime = now.isBefore(request.pendingUntil());
        boolean alreadyDecided = approvals.stream()
                .anyMatch(a -> a.approverSubject.equals(approver.subject()));
        String audiences = entitlement.audiencesFor(Audience.Purpose.APPROVE).stream()
                .map(Audience::toString)
                .collect(Collectors.joining(" or "));

        List<PolicyCheck> checks = List.of(
                PolicyCheck.of("pending", PolicyCheck.Kind.STATE, pending,
                        "The request is waiting for a decision",
                        "The request is " + request.state() + " and can no longer be decided"),
                PolicyCheck.of("pending-window", PolicyCheck.Kind.STATE, !pending || inTime,
                        "Decisions are open until " + UTC.format(request.pendingUntil()),
                        "The pending window closed at " + UTC.format(request.pendingUntil())),
                PolicyCheck.of("not-requester", PolicyCheck.Kind.APPROVER,
                        !request.isRequestedBy(approver),
                        "You are not the requester",
                        "You requested this access; someone else must decide"),
                // TODO: rights come from the caller's token, not Keycloak's live group state;
                // a live check needs the directory look-up as an input of this pure policy.
                PolicyCheck.of("approver-audience", PolicyCheck.Kind.APPROVER,
                        entitlement.mayBeApprovedBy(approver),
                        "You are among those who may decide on " + entitlement.key + " ("
                                + audiences + ")",
                        "Only " + audiences + " may decide on " + entitlement.key),
                PolicyCheck.of("one-decision-per-person", PolicyCheck.Kind.STATE, !alreadyDecided,
                        "You have not decided on this request yet",
                        "You have already decided on this request"));
        return new PolicyEvaluation(checks, given, request.requiredApprovals(), audiences);
    }
}
