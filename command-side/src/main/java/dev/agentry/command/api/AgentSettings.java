package dev.agentry.command.api;

import java.util.List;

/**
 * The whole user-chosen configuration of an agent. Events carry it in full so that every
 * consumer (projections, Temporal sync, reconciliation) sees the complete state without merging.
 *
 * @param model                   canonical model name that overrides the tier, or null
 * @param schedule                null for an agent that only runs on demand
 * @param maxConsecutiveFailures  stop the agent after this many failed runs in a row, or null for never
 * @param notifications           whether the owner hears of failures and recoveries; never null (default FAILURES)
 * @param maxTokensPerRun         a run stops before an LLM call that would take its tokens (input and output, as the
 *                                provider reported them) past this many; null for no limit
 * @param maxTokensPerDay         runs are skipped once the agent's runs of the day ({@link BudgetDay}) used this many
 *                                tokens; null for no limit
 */
public record AgentSettings(
        String name,
        String instructions,
        ReasoningTier tier,
        String model,
        Schedule schedule,
        List<String> tools,
        OverlapPolicy overlap,
        CatchUpPolicy catchUp,
        Integer maxConsecutiveFailures,
        NotifyPolicy notifications,
        Long maxTokensPerRun,
        Long maxTokensPerDay) {

    public AgentSettings {
        tools = tools == null ? List.of() : List.copyOf(tools);
        // events written before the setting existed carry none: they meant the default
        notifications = notifications == null ? NotifyPolicy.FAILURES : notifications;
    }

    /** Settings with the default notices and no token budgets. */
    public AgentSettings(String name, String instructions, ReasoningTier tier, String model, Schedule schedule,
                         List<String> tools, OverlapPolicy overlap, CatchUpPolicy catchUp,
                         Integer maxConsecutiveFailures) {
        this(name, instructions, tier, model, schedule, tools, overlap, catchUp, maxConsecutiveFailures,
                NotifyPolicy.FAILURES, null, null);
    }

    /** These settings with other token budgets. */
    public AgentSettings withTokenBudgets(Long perRun, Long perDay) {
        return new AgentSettings(name, instructions, tier, model, schedule, tools, overlap, catchUp,
                maxConsecutiveFailures, notifications, perRun, perDay);
    }

    /** These settings with another notice policy. */
    public AgentSettings withNotify(NotifyPolicy policy) {
        return new AgentSettings(name, instructions, tier, model, schedule, tools, overlap, catchUp,
                maxConsecutiveFailures, policy, maxTokensPerRun, maxTokensPerDay);
    }
}
