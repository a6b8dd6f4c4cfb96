package dev.agentry.workflows.schedule;

import io.temporal.activity.ActivityInterface;

import java.time.Instant;

/** What the schedule tells the rest of the platform. */
@ActivityInterface
public interface ScheduleActivities {

    /**
     * Records that a run did not happen because another run of the agent was in progress. Temporal
     * delivers an activity at least once, so the implementation must be idempotent per run id.
     */
    void recordSkippedRun(String agentId, String runId, Instant scheduledAt);
}
