package dev.agentry.workflows.schedule;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.time.Instant;

/**
 * The schedule of one agent, as a long-lived entity workflow with the id {@code agent-<agentId>}
 * (the in-memory Temporal service has no Schedules API). It fires the agent's cron in the agent's
 * timezone and starts each run as a child workflow whose id is the run id.
 */
@WorkflowInterface
public interface AgentScheduleWorkflow {

    String TASK_QUEUE = "agentry-agents";

    static String workflowIdFor(String agentId) {
        return "agent-" + agentId;
    }

    /** The id of the run a fire starts; the same fire always gets the same id, so it never runs twice. */
    static String scheduledRunId(String agentId, Instant fireAt) {
        return "run-" + agentId + "-" + fireAt.getEpochSecond();
    }

    /** Runs until {@link #stop()}, continuing as new with the state it carries. */
    @WorkflowMethod
    void run(ScheduleState state);

    /** Applies new settings; fires count from now on under them (no catch-up for the old cadence). */
    @SignalMethod
    void reconfigure(ScheduleConfig config);

    /** No scheduled fires until {@link #resume()}; manual runs still start. */
    @SignalMethod
    void pause();

    /** Fires again from now on; fires that fell into the pause are not caught up. */
    @SignalMethod
    void resume();

    /**
     * Asks for a manual run. The given id is used as it is, as the run id and the run workflow id, so it
     * must be unique across the platform (for example {@code run-<agentId>-manual-<uuid>}); asking
     * twice with the same id runs once. The overlap policy applies as to any fire.
     */
    @SignalMethod
    void triggerNow(String runId);

    /** Completes the workflow. A run in progress goes on to its end; a buffered run is dropped. */
    @SignalMethod
    void stop();

    @QueryMethod
    ScheduleSnapshot describe();
}
