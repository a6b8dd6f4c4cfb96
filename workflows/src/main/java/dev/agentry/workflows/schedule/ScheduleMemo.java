package dev.agentry.workflows.schedule;

import java.util.Map;

/**
 * The memo of a schedule workflow: the fingerprint of the settings it acts on, set when it starts, kept
 * current on each reconfiguration and carried over on continue-as-new. Temporal returns the memo with the
 * listing of open executions (on a cluster) and with a describe, so reconciliation learns every schedule's
 * settings without querying each workflow. Schedules started before the memo existed have none until their
 * next reconfiguration or continue-as-new; they are queried instead.
 */
public final class ScheduleMemo {

    public static final String FINGERPRINT = "scheduleFingerprint";

    /** The workflow change that began keeping the memo current; histories from before it have no such command. */
    static final String KEPT_CURRENT = "schedule-fingerprint-memo";

    private ScheduleMemo() {
    }

    /** The memo for a schedule acting on these settings (empty when they carry no fingerprint). */
    public static Map<String, Object> of(ScheduleConfig config) {
        return config == null || config.fingerprint() == null ? Map.of() : Map.of(FINGERPRINT, config.fingerprint());
    }
}
