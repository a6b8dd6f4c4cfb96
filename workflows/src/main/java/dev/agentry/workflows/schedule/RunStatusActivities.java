package dev.agentry.workflows.schedule;

import io.temporal.activity.ActivityInterface;

/**
 * Lets a schedule follow a run it no longer holds a handle to: one it started before continuing as
 * new, or one that had already been started when the schedule tried to start it.
 */
@ActivityInterface
public interface RunStatusActivities {

    /** Whether the run workflow with this id exists and has not closed. */
    boolean isRunOpen(String runId);
}
