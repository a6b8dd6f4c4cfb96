package dev.agentry.command.api;

import java.time.Instant;

/** Why a run started. */
public enum RunTrigger {
    /** a fire of the agent's schedule, handled on time */
    SCHEDULE,
    /** the owner asked for a run now */
    MANUAL,
    /** the one run that makes up for fires missed while the platform or Temporal was down */
    CATCH_UP;

    /**
     * When a run with this trigger starts as its history shows it: a scheduled (or catch-up) run at the fire
     * time it belongs to, a manual run when it began; whichever is known when the other is missing.
     */
    public Instant startOfRun(Instant scheduledAt, Instant startedAt) {
        if (this == MANUAL) {
            return startedAt != null ? startedAt : scheduledAt;
        }
        return scheduledAt != null ? scheduledAt : startedAt;
    }
}
