package dev.elevate.entitlement.policy;

/**
 * One thing wrong with a policy document.
 *
 * @param line 1-based line in the submitted document, 0 when it is about the whole document
 * @param path JSON pointer of the offending value, such as {@code /policies/0/steps/1/approvals}
 * @param rule what the value must be
 */
public record PolicyProblem(int line, String path, String rule) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + " " : "") + (path.isEmpty() ? "" : path + ": ")
                + rule;
    }
}
