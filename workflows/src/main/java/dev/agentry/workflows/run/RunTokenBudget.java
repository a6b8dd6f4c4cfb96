package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.TokenUsage;
import io.temporal.workflow.Workflow;

/**
 * The tokens a run may use, counted from what the provider reported for each call (input and output). A call
 * reads at least everything the call before it read, as the conversation only grows, so the next call is
 * refused once the tokens so far and that much again would pass the budget: a run stops before the call that
 * would exceed it, not after.
 */
final class RunTokenBudget {

    static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";
    /** Marks the runs that enforce their budget; see {@link #of}. */
    static final String ENFORCED_CHANGE_ID = "run-token-budget";

    /** Null: no limit. */
    private final Long maxTokens;
    private long used;
    private long lastCallInput;

    private RunTokenBudget(Long maxTokens) {
        this.maxTokens = maxTokens;
    }

    /**
     * The budget of this run, from workflow code. A run whose history began its conversation before budgets were
     * enforced (on a worker of an earlier release) carries no marker and goes on without one, as it did.
     */
    static RunTokenBudget of(Long maxTokens) {
        if (maxTokens == null) {
            return new RunTokenBudget(null);
        }
        int version = Workflow.getVersion(ENFORCED_CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
        return new RunTokenBudget(version == Workflow.DEFAULT_VERSION ? null : maxTokens);
    }

    void spent(TokenUsage call) {
        used += call.inputTokens() + call.outputTokens();
        lastCallInput = call.inputTokens();
    }

    boolean allowsNextCall() {
        return maxTokens == null || used + lastCallInput <= maxTokens;
    }

    String exceededMessage() {
        return "the run used %d tokens and its next model call would read at least %d more, past its budget of %d"
                .formatted(used, lastCallInput, maxTokens);
    }
}
