package dev.elevate.web.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.elevate.approval.policy.PolicyCheck;
import dev.elevate.approval.policy.PolicyEvaluation;
import dev.elevate.approval.policy.StepProgress;

/**
 * The rules that apply to the caller deciding a request (and its pending extension, if any),
 * each met or not with its explanation: what the review page lists, for scripts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesView(UUID request, Evaluation decision, UUID extension,
        Evaluation extensionDecision) {

    /** One evaluation: may the caller approve or deny, and why (not). */
    public record Evaluation(boolean mayApprove, boolean mayDeny, boolean needsStepUp,
            String progress, List<StepProgress> steps, List<PolicyCheck> checks) {

        static Evaluation of(PolicyEvaluation e) {
            return new Evaluation(e.mayApprove(), e.mayDeny(), e.needsStepUp(), e.progress(),
                    e.steps(), e.checks());
        }
    }

    public static RulesView of(UUID request, PolicyEvaluation decision, UUID extension,
            PolicyEvaluation extensionDecision) {
        return new RulesView(request, Evaluation.of(decision), extension,
                extensionDecision == null ? null : Evaluation.of(extensionDecision));
    }
}
