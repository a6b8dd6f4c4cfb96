package dev.agentry.workflows.reconciliation;

/** What reconciliation does with a RUNNING agent that has no open schedule workflow. */
public enum OrphanPolicy {
    /** record the agent as stopped (reason ORPHANED): its owner decides whether to start it again */
    STOP,
    /** start the schedule again from the event-sourced settings and record that it was restored */
    RESTORE
}
