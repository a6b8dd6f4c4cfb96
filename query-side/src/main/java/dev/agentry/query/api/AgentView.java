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
        LastRun lastRun) {

    public record LastRun(String runId, String outcome, Instant finishedAt) {
    }
}
