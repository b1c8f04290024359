package dev.elevate.entitlement.policy;

/**
 * One step of approval: how many distinct people from the named groups or roles must approve.
 * All steps of a policy must be met, and one person counts for at most one step.
 */
public record ApprovalStep(String name, Principals approvers, int approvals) {
}
