package dev.agentry.command.api;

/** Whether the owner hears, by a Slack DM, that an agent started failing, was stopped or recovered. */
public enum NotifyPolicy {
    /** a notice on the first failure of a streak, on a stop by failure limit or orphaning, and on recovery */
    FAILURES,
    /** no notices */
    NONE
}
