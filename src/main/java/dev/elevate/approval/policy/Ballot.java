package dev.elevate.approval.policy;

import java.time.Instant;

import dev.elevate.request.AccessRequest;
import dev.elevate.request.RequestState;

/**
 * What approvers decide on: a request, or more time for its active grant. Both go through the
 * same steps and rules; they differ in when they are open.
 *
 * @param noun "request" or "extension", for the explanations
 * @param state what the page and the refusal say it is
 * @param openUntil when deciding closes
 */
public record Ballot(String noun, boolean open, String state, Instant openUntil,
        String requesterSubject) {

    public static Ballot of(AccessRequest request) {
        return new Ballot("request", request.state() == RequestState.PENDING,
                request.state().name(), request.pendingUntil(), request.requesterSubject());
    }

    /** An extension is open while it waits and its grant is active, until the grant ends. */
    public static Ballot extension(AccessRequest request, boolean pending, String state,
            Instant grantEnds) {
        boolean open = pending && request.state() == RequestState.ACTIVE;
        return new Ballot("extension", open, open ? state : state + " (access "
                + request.state() + ")", grantEnds, request.requesterSubject());
    }
}
