package dev.agentry.workflows.schedule;

import dev.agentry.workflows.run.RunRequest;

import java.time.Instant;

/**
 * Everything an agent's schedule carries from one workflow execution to the next (continue-as-new).
 *
 * @param firesHandledThrough every fire at or before this instant was run, skipped or deliberately
 *                            dropped. Null on a first start means "from now on"; an instant in the past
 *                            makes the fires after it count as missed, so the catch-up policy applies.
 * @param bufferedRun         the run waiting for the current one to end (overlap BUFFER_ONE), or null
 * @param runInProgress       id of the run this schedule started and has not yet seen end, or null
 * @param continueAsNewAfterWakeUps how many wake-ups one execution handles before it continues as new
 *                            (zero or less: {@link #DEFAULT_CONTINUE_AS_NEW_AFTER_WAKE_UPS})
 */
public record ScheduleState(
        String agentId,
        ScheduleConfig config,
        boolean paused,
        Instant firesHandledThrough,
        RunRequest bufferedRun,
        String runInProgress,
        int continueAsNewAfterWakeUps) {

    public static final int DEFAULT_CONTINUE_AS_NEW_AFTER_WAKE_UPS = 100;

    public ScheduleState {
        if (continueAsNewAfterWakeUps <= 0) {
            continueAsNewAfterWakeUps = DEFAULT_CONTINUE_AS_NEW_AFTER_WAKE_UPS;
        }
    }

    /** The state of a schedule that starts now, with nothing missed and nothing running. */
    public static ScheduleState startingNow(String agentId, ScheduleConfig config) {
        return new ScheduleState(agentId, config, false, null, null, null, DEFAULT_CONTINUE_AS_NEW_AFTER_WAKE_UPS);
    }
}
