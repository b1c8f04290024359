package dev.elevate.request;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.identity.Caller;

/** Loads a request for a change by a person, as "not found" when they may not see it. */
@ApplicationScoped
public class VisibleRequests {

    @Inject
    AccessRequestRepository requests;

    @Inject
    PolicyCatalog policies;

    /** The request, row-locked for the rest of the transaction. */
    public AccessRequest lockFor(UUID requestId, Caller caller) {
        AccessRequest request = requests.findForUpdate(requestId)
                .orElseThrow(RequestNotFoundException::new);
        if (!RequestVisibility.canView(request, policies.policy(request.policyVersionId()),
                caller)) {
            throw new RequestNotFoundException();
        }
        return request;
    }
}
