package dev.agentry.command.api;

import java.time.Instant;

/** A run succeeded; see {@link RecordAgentRun} for the fields. */
public record AgentRan(
        String agentId,
        String runId,
        RunTrigger trigger,
        Instant scheduledAt,
        Instant startedAt,
        Instant finishedAt,
        String model,
        long inputTokens,
        long outputTokens,
        String summary,
        String transcriptRef) {
}
