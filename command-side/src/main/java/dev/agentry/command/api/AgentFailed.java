package dev.agentry.command.api;

import java.time.Instant;

/** A run failed; see {@link RecordAgentFailure} for the fields. */
public record AgentFailed(
        String agentId,
        String runId,
        RunTrigger trigger,
        Instant scheduledAt,
        Instant startedAt,
        Instant finishedAt,
        String model,
        String errorKind,
        String errorMessage,
        long inputTokens,
        long outputTokens,
        String transcriptRef) {
}
