package dev.elevate.request;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;

/** Who may see a request: its requester, its possible approvers, auditors and admins. */
public final class RequestVisibility {

    private RequestVisibility() {
    }

    /** Approvers are judged by their token here; deciding checks Keycloak's live state. */
    public static boolean canView(AccessRequest request, AccessPolicy policy, Caller caller) {
        return request.isRequestedBy(caller)
                || policy.namesApprover(caller.groups(), caller.roles())
                || caller.hasRole(AppRole.AUDITOR)
                || caller.hasRole(AppRole.ADMIN);
    }
}
