package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform reports a fire (or a manual request) that did not run. Idempotent per run id like
 * {@link RecordAgentRun}.
 *
 * @param scheduledAt the fire time that was skipped; for a manual run, when the request was handled
 * @param reason      why, in capitals: e.g. OVERLAP (the previous run was still going)
 */
public record RecordAgentRunSkipped(
        @TargetAggregateIdentifier String agentId,
        String runId,
        RunTrigger trigger,
        Instant scheduledAt,
        String reason) {
}
