package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform reports a run that failed. Idempotent per run id like {@link RecordAgentRun}. When
 * the agent has a failure limit and this failure is the limit's consecutive one while the agent is
 * RUNNING, the agent is also stopped ({@link StopReason#FAILURE_LIMIT}).
 *
 * @param scheduledAt  the fire time the run belongs to; required unless the trigger is MANUAL
 * @param model        null when the run failed before a model was chosen
 * @param errorKind    what went wrong, in capitals: e.g. RATE_LIMITED, INVALID_REQUEST, TIMEOUT, STEP_LIMIT
 * @param errorMessage for the owner; no stack traces
 */
public record RecordAgentFailure(
        @TargetAggregateIdentifier String agentId,
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
