package dev.elevate.grant;

import java.util.UUID;

import dev.elevate.request.RequestState;

/** A grant whose next step is overdue, and the state its request is in. */
public record OverdueGrant(UUID requestId, RequestState state) {
}
