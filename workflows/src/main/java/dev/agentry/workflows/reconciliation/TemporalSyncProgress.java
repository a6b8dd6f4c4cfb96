package dev.agentry.workflows.reconciliation;

/**
 * How far temporal-sync has applied the event store to Temporal. A RUNNING agent whose start temporal-sync
 * has not applied yet is on its way to Temporal, not orphaned.
 */
@FunctionalInterface
public interface TemporalSyncProgress {

    /** The global index through which every event has been applied to Temporal; -1 when none has. */
    long appliedThrough();
}
