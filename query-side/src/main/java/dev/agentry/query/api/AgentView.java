package dev.agentry.query.api;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;

import java.time.Instant;
import java.util.List;

/**
 * An agent as its owner sees it.
 *
 * @param owner     the owner's user name
 * @param version   sequence number of the last event applied to this view
 * @param nextRunAt when the schedule fires next, as of the query; null unless RUNNING with a schedule
 * @param lastRun   the run that finished latest (outcome SUCCEEDED, FAILED or SKIPPED); null until one has
 * @param tokensUsedToday input and output tokens of the agent's runs that started today, as of the query: the
 *                        {@link dev.agentry.command.api.BudgetDay} its daily token budget counts
 */
public record AgentView(
        String agentId,
        String ownerId,
        String owner,
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
        Long maxTokensPerDay,
        AgentStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant nextRunAt,
        LastRun lastRun,
        long tokensUsedToday) {

    /** This view with the day's usage, which the query adds from the run history. */
    public AgentView withTokensUsedToday(long tokens) {
        return new AgentView(agentId, ownerId, owner, name, instructions, tier, model, schedule, tools, overlap, catchUp,
                maxConsecutiveFailures, notifications, maxTokensPerRun, maxTokensPerDay, status, createdAt, updatedAt,
                version, nextRunAt, lastRun, tokens);
    }

    public record LastRun(String runId, String outcome, Instant finishedAt) {
    }
}
