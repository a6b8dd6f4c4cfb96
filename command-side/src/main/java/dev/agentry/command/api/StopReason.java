package dev.agentry.command.api;

public enum StopReason {
    /** the owner asked */
    USER,
    /** reconciliation found no schedule in Temporal and the orphan policy is stop */
    ORPHANED,
    /** too many consecutive failed runs */
    FAILURE_LIMIT
}
