package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ToolDefinition;

import java.util.List;

/**
 * What a run needs to know about its agent, read when the run begins.
 *
 * @param readiness         whether the run can go ahead
 * @param ownerId           the agent's owner, whose connections (e.g. Slack) its tools act with
 * @param instructions      the agent's instructions, sent as the system prompt
 * @param tools             the tools the agent allows that the platform has, offered to the model
 * @param model             the model to call; null unless READY
 * @param unavailableReason why no model can serve the agent now, or why the day's token budget is spent
 * @param maxTokensPerRun   the run's token budget ({@link RunTokenBudget}); null for no limit, as in runs
 *                          prepared before budgets existed
 * @param fallbacks         the models of the same tier that the run moves to, in this order, when its model's
 *                          provider fails; empty for an agent with an explicit model (and in runs prepared
 *                          before fallbacks existed)
 */
public record PreparedRun(
        Readiness readiness,
        String ownerId,
        String instructions,
        List<ToolDefinition> tools,
        RunModel model,
        String unavailableReason,
        Long maxTokensPerRun,
        List<RunModel> fallbacks) {

    public enum Readiness {
        READY,
        /** the agent is deleted or never existed: nothing to run and nothing to record */
        AGENT_NOT_FOUND,
        /** no available provider serves the agent's tier or model */
        NO_MODEL,
        /** the agent's runs of the day used its daily token budget: the run is recorded as skipped */
        DAY_BUDGET_SPENT
    }

    public PreparedRun {
        tools = tools == null ? List.of() : List.copyOf(tools);
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    public static PreparedRun ready(String ownerId, String instructions, List<ToolDefinition> tools, RunModel model) {
        return ready(ownerId, instructions, tools, model, List.of());
    }

    public static PreparedRun ready(String ownerId, String instructions, List<ToolDefinition> tools, RunModel model,
                                    List<RunModel> fallbacks) {
        return new PreparedRun(Readiness.READY, ownerId, instructions, tools, model, null, null, fallbacks);
    }

    /** This run, stopped before a model call that would take it past the given tokens (null: no limit). */
    public PreparedRun withTokenBudget(Long maxTokens) {
        return new PreparedRun(readiness, ownerId, instructions, tools, model, unavailableReason, maxTokens, fallbacks);
    }

    public static PreparedRun agentNotFound() {
        return new PreparedRun(Readiness.AGENT_NOT_FOUND, null, null, List.of(), null, null, null, List.of());
    }

    public static PreparedRun noModel(String ownerId, String reason) {
        return new PreparedRun(Readiness.NO_MODEL, ownerId, null, List.of(), null, reason, null, List.of());
    }

    public static PreparedRun dayBudgetSpent(String ownerId, String reason) {
        return new PreparedRun(Readiness.DAY_BUDGET_SPENT, ownerId, null, List.of(), null, reason, null, List.of());
    }
}
