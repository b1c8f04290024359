package dev.elevate.entitlement.policy;

import java.util.List;

/**
 * What confirming a change would do to one entitlement, judged by Keycloak's members now:
 * who gains or loses the ability to request it or to approve it, and which fields change.
 */
public record PolicyImpact(String entitlement, Integer fromVersion, List<String> gainRequest,
        List<String> loseRequest, List<String> gainApprove, List<String> loseApprove,
        List<PolicyDifference> differences) {

    public PolicyImpact {
        gainRequest = List.copyOf(gainRequest);
        loseRequest = List.copyOf(loseRequest);
        gainApprove = List.copyOf(gainApprove);
        loseApprove = List.copyOf(loseApprove);
        differences = List.copyOf(differences);
    }
}
