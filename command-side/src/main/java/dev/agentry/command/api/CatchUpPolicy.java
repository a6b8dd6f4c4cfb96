package dev.agentry.command.api;

/** What happens to fire times missed while the platform or Temporal was down. */
public enum CatchUpPolicy {
    SKIP,
    RUN_ONCE
}
