package dev.agentry.workflows.schedule;

import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The agents' schedule workflows driven from outside, as temporal-sync and reconciliation both drive them. */
public final class AgentSchedules {

    /** How a stop ended. */
    public enum Stop {
        /** there was no open schedule to stop */
        NOT_OPEN,
        /** the schedule closed, on request or otherwise, within the grace period */
        CLOSED,
        /** the schedule did not close within the grace period and was terminated */
        TERMINATED
    }

    private final WorkflowClient client;

    public AgentSchedules(WorkflowClient client) {
        this.client = client;
    }

    /** A stub of the agent's schedule workflow, for its signals and queries. */
    public AgentScheduleWorkflow of(String agentId) {
        return client.newWorkflowStub(AgentScheduleWorkflow.class, AgentScheduleWorkflow.workflowIdFor(agentId));
    }

    /** Starts the schedule in this state or, when it is open already, gives it the state's settings (equal ones change nothing). */
    public void start(ScheduleState state) {
        AgentScheduleWorkflow schedule = client.newWorkflowStub(AgentScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(state.agentId()))
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                .setMemo(ScheduleMemo.of(state.config()))
                .build());
        BatchRequest signalWithStart = client.newSignalWithStartRequest();
        signalWithStart.add(schedule::run, state);
        signalWithStart.add(schedule::reconfigure, state.config());
        client.signalWithStart(signalWithStart);
    }

    /**
     * Asks the schedule to stop and waits for it to close, terminating it with {@code terminationReason}
     * when it does not close within {@code grace}.
     */
    public Stop stop(String agentId, Duration grace, String terminationReason) {
        try {
            of(agentId).stop();
        } catch (WorkflowNotFoundException notOpen) {
            return Stop.NOT_OPEN;
        }
        WorkflowStub schedule = client.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId));
        try {
            schedule.getResult(grace.toMillis(), TimeUnit.MILLISECONDS, Void.class);
            return Stop.CLOSED;
        } catch (TimeoutException stillOpen) {
            try {
                schedule.terminate(terminationReason);
            } catch (WorkflowNotFoundException closedMeanwhile) {
                return Stop.CLOSED;
            }
            return Stop.TERMINATED;
        } catch (WorkflowFailedException | WorkflowNotFoundException closedOtherwise) {
            // failed or terminated meanwhile, or closed and no longer retained: closed all the same
            return Stop.CLOSED;
        }
    }
}
