package dev.elevate.entitlement.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Approves a request without a person when every condition holds: the requester is in one of
 * the groups, the duration is within {@code maxDuration}, and (if set) it is within the hours.
 * The rule's name stands as the approver in the audit trail.
 */
public record AutoApprovalRule(String name, Principals requesters, Duration maxDuration,
        Optional<WorkingHours> hours) {

    public boolean matches(Iterable<String> groups, Iterable<String> roles, Duration duration,
            Instant at) {
        return requesters.includes(groups, roles) && duration.compareTo(maxDuration) <= 0
                && hours.map(h -> h.contains(at)).orElse(true);
    }

    /** The approver name the audit trail records. */
    public String approverName() {
        return "rule:" + name;
    }
}
