package dev.agentry.command.api;

/** What a failure notice tells the agent's owner. */
public enum FailureNoticeKind {
    /** a run failed after a success, or as the agent's first outcome */
    FIRST_FAILURE,
    /** the agent was stopped after its failure limit of failed runs in a row */
    FAILURE_LIMIT,
    /** reconciliation stopped the agent because its schedule was missing in Temporal */
    ORPHANED,
    /** a run succeeded after one or more failed runs */
    RECOVERED
}
