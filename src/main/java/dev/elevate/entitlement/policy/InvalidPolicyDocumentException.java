package dev.elevate.entitlement.policy;

import java.util.List;

/** A policy document was refused whole; nothing of it was stored. */
public class InvalidPolicyDocumentException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyDocumentException(List<PolicyProblem> problems) {
        super("The policy document was refused: " + problems.size() + " problem(s), first: "
                + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
