package dev.agentry.command.api;

/** Why a run started. */
public enum RunTrigger {
    /** a fire of the agent's schedule, handled on time */
    SCHEDULE,
    /** the owner asked for a run now */
    MANUAL,
    /** the one run that makes up for fires missed while the platform or Temporal was down */
    CATCH_UP
}
