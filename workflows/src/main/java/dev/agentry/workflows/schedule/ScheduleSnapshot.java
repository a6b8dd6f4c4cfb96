package dev.agentry.workflows.schedule;

import java.time.Instant;

/**
 * What a schedule workflow reports about itself.
 *
 * @param nextFireAt    null while paused or for an agent without a schedule
 * @param runInProgress id of the run going on now, or null
 */
public record ScheduleSnapshot(
        String agentId, ScheduleConfig config, boolean paused, Instant nextFireAt, String runInProgress) {
}
