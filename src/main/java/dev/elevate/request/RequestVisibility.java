package dev.elevate.request;

import dev.elevate.entitlement.Entitlement;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;

/** Who may see a request: its requester, its possible approvers, auditors and admins. */
public final class RequestVisibility {

    private RequestVisibility() {
    }

    public static boolean canView(AccessRequest request, Entitlement entitlement, Caller caller) {
        return request.isRequestedBy(caller)
                || entitlement.mayBeApprovedBy(caller)
                || caller.hasRole(AppRole.AUDITOR)
                || caller.hasRole(AppRole.ADMIN);
    }
}
