package dev.elevate.entitlement.policy;

import java.util.List;
import java.util.Optional;

/** A set of entitlement policies as one document, the unit of import, export and change. */
public record PolicyDocument(List<AccessPolicy> policies) {

    public static final String FORMAT = "elevate-policy/v1";

    public PolicyDocument {
        policies = List.copyOf(policies);
    }

    public Optional<AccessPolicy> policyFor(String entitlement) {
        return policies.stream().filter(p -> p.entitlement().equals(entitlement)).findFirst();
    }
}
