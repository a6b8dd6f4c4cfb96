package dev.agentry.workflows.reconciliation;

import java.util.Locale;

/** What one repair by reconciliation did. */
public enum RepairKind {
    /** a RUNNING agent without a schedule got its schedule back */
    ORPHAN_RESTORED,
    /** a RUNNING agent without a schedule was stopped as ORPHANED */
    ORPHAN_STOPPED,
    /** the schedule of an agent that is not running was stopped */
    ZOMBIE_STOPPED,
    /** a schedule with settings other than the events' was sent the events' settings */
    DRIFT_CORRECTED;

    /** The name metrics and reports use, e.g. {@code orphan_restored}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
