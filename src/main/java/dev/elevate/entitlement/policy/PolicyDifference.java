package dev.elevate.entitlement.policy;

/** One top-level field of a policy that a new version changes, as JSON text before and after. */
public record PolicyDifference(String field, String from, String to) {
}
