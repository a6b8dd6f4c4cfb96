package dev.agentry.command.api;

import java.time.Instant;

/** A fire did not run; see {@link RecordAgentRunSkipped} for the fields. */
public record AgentRunSkipped(String agentId, String runId, RunTrigger trigger, Instant scheduledAt, String reason) {
}
