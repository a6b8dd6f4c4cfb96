package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.TokenUsage;

/**
 * The tokens a run may use, counted from what the provider reported for each call (input and output). A call
 * reads at least everything the call before it read, as the conversation only grows, so the next call is
 * refused once the tokens so far and that much again would pass the budget: a run stops before the call that
 * would exceed it, not after.
 */
final class RunTokenBudget {

    static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";

    /** Null: no limit. */
    private final Long maxTokens;
    private long used;
    private long lastCallInput;

    RunTokenBudget(Long maxTokens) {
        this.maxTokens = maxTokens;
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
