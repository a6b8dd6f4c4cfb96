package dev.agentry.workflows.run;

import dev.agentry.command.api.RunTrigger;

import java.time.Instant;

/**
 * What a run is asked to do.
 *
 * @param runId       also the run workflow's id
 * @param scheduledAt the fire time the run belongs to; for a manual run, when the request was handled
 */
public record RunRequest(String agentId, String runId, RunTrigger trigger, Instant scheduledAt) {
}
