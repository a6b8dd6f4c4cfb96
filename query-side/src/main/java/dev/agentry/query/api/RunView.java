package dev.agentry.query.api;

import dev.agentry.command.api.RunTrigger;

import java.time.Instant;

/**
 * One run of an agent, as its owner sees it.
 *
 * @param outcome       SUCCEEDED, FAILED, SKIPPED, or RUNNING for a manual run that has no outcome yet
 * @param scheduledAt   the fire time the run belongs to; for a manual run, when the request was handled
 *                      (null if the platform did not say)
 * @param startedAt     for a scheduled or catch-up run its fire time; for a manual run when it began
 *                      (when it was requested, while it is RUNNING); for a skipped run when it was skipped
 * @param finishedAt    null while RUNNING; for a skipped run, the time it was skipped
 * @param model         the canonical model name, or null when the run never got to a model
 * @param summary       the final answer, shortened; null unless SUCCEEDED
 * @param errorKind     e.g. RATE_LIMITED or TIMEOUT; null unless FAILED
 * @param errorMessage  null unless FAILED
 * @param transcriptRef where the whole transcript is stored, or null
 */
public record RunView(
        String runId,
        String agentId,
        RunTrigger trigger,
        String outcome,
        Instant scheduledAt,
        Instant startedAt,
        Instant finishedAt,
        String model,
        long inputTokens,
        long outputTokens,
        String summary,
        String errorKind,
        String errorMessage,
        String transcriptRef) {
}
