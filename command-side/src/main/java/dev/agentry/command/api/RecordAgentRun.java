package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform reports a run that succeeded. Recording a run id a second time changes nothing;
 * a run that finishes after its agent was deleted is accepted and forgotten.
 *
 * @param scheduledAt   the fire time the run belongs to; required unless the trigger is MANUAL
 * @param summary       the final answer, shortened; the whole transcript is behind {@code transcriptRef}
 * @param transcriptRef where the transcript is stored (blob key), or null
 */
public record RecordAgentRun(
        @TargetAggregateIdentifier String agentId,
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
