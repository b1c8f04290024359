package dev.elevate.approval.policy;

/** How far one approval step is: {@code given} of {@code needed} distinct people. */
public record StepProgress(String step, String approvers, int needed, int given) {

    public int missing() {
        return Math.max(0, needed - given);
    }

    public boolean met() {
        return given >= needed;
    }

    /** For example "security: 0 of 1; needs 1 more from group /security/leads". */
    public String describe() {
        String text = step + ": " + given + " of " + needed;
        return met() ? text + ", met" : text + "; needs " + missing() + " more from " + approvers;
    }
}
