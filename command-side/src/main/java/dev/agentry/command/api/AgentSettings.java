package dev.agentry.command.api;

import java.util.List;

/**
 * The whole user-chosen configuration of an agent. Events carry it in full so that every
 * consumer (projections, Temporal sync, reconciliation) sees the complete state without merging.
 *
 * @param model                   canonical model name that overrides the tier, or null
 * @param schedule                null for an agent that only runs on demand
 * @param maxConsecutiveFailures  stop the agent after this many failed runs in a row, or null for never
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
        Integer maxConsecutiveFailures) {

    public AgentSettings {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
