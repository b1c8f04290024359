package dev.elevate.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an access request. {@code REVOKING} sits between active access and its end so
 * that a request is never reported as ended before the connector confirmed the removal.
 */
public enum RequestState {
    PENDING,
    DENIED,
    CANCELLED,
    TIMED_OUT,
    APPROVED,
    ACTIVE,
    REVOKING,
    EXPIRED,
    REVOKED;

    public boolean canBecome(RequestState next) {
        return successors().contains(next);
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /** Whether the requester may (still, or already) hold the access. */
    public boolean holdsOrMayHoldAccess() {
        return this == APPROVED || this == ACTIVE || this == REVOKING;
    }

    private Set<RequestState> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(DENIED, CANCELLED, TIMED_OUT, APPROVED);
            case APPROVED -> EnumSet.of(ACTIVE, REVOKING);
            case ACTIVE -> EnumSet.of(REVOKING);
            case REVOKING -> EnumSet.of(EXPIRED, REVOKED);
            case DENIED, CANCELLED, TIMED_OUT, EXPIRED, REVOKED -> EnumSet.noneOf(RequestState.class);
        };
    }
}
