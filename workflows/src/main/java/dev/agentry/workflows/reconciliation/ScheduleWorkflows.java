package dev.agentry.workflows.reconciliation;

import com.google.protobuf.ByteString;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentSchedules;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The agents' schedule workflows in Temporal, read and repaired. Every call that fails because Temporal
 * cannot be reached throws {@link TemporalUnavailableException}.
 */
final class ScheduleWorkflows {

    private static final String WORKFLOW_TYPE = AgentScheduleWorkflow.class.getSimpleName();
    private static final String WORKFLOW_ID_PREFIX = AgentScheduleWorkflow.workflowIdFor("");
    private static final int PAGE_SIZE = 1000;

    private final WorkflowClient client;
    private final AgentSchedules schedules;
    private final Duration stopGrace;

    ScheduleWorkflows(WorkflowClient client, Duration stopGrace) {
        this.client = client;
        this.schedules = new AgentSchedules(client);
        this.stopGrace = stopGrace;
    }

    /**
     * The agents with an open schedule workflow, through the legacy listing, which the in-memory service
     * also implements (it ignores the type filter, hence the checks here as well).
     */
    Set<String> agentsWithOpenSchedules() {
        return unlessUnavailable(() -> {
            Set<String> agentIds = new TreeSet<>();
            ByteString page = ByteString.EMPTY;
            do {
                ListOpenWorkflowExecutionsResponse response = client.getWorkflowServiceStubs().blockingStub()
                        .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                                .setNamespace(client.getOptions().getNamespace())
                                .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                                .setMaximumPageSize(PAGE_SIZE)
                                .setNextPageToken(page)
                                .build());
                for (WorkflowExecutionInfo execution : response.getExecutionsList()) {
                    String workflowId = execution.getExecution().getWorkflowId();
                    if (execution.getType().getName().equals(WORKFLOW_TYPE) && workflowId.startsWith(WORKFLOW_ID_PREFIX)) {
                        agentIds.add(workflowId.substring(WORKFLOW_ID_PREFIX.length()));
                    }
                }
                page = response.getNextPageToken();
            } while (!page.isEmpty());
            return agentIds;
        });
    }

    /** Describes {@code agent-<agentId>} and, when it is open, asks it for the settings it acts on. */
    ObservedSchedule observe(String agentId) {
        return unlessUnavailable(() -> {
            String workflowId = AgentScheduleWorkflow.workflowIdFor(agentId);
            try {
                WorkflowExecutionStatus status = client.newUntypedWorkflowStub(workflowId).describe().getStatus();
                if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    return ObservedSchedule.notOpen(agentId);
                }
                ScheduleConfig config = schedules.of(agentId).describe().config();
                return new ObservedSchedule(agentId, true, config == null ? null : config.fingerprint());
            } catch (WorkflowNotFoundException notFound) {
                return ObservedSchedule.notOpen(agentId);
            }
        });
    }

    /** Starts the schedule, or gives an open one these settings (as temporal-sync does on a start). */
    void start(ScheduleState state) {
        unlessUnavailable(() -> {
            schedules.start(state);
            return null;
        });
    }

    void reconfigure(String agentId, ScheduleConfig config) {
        unlessUnavailable(() -> {
            schedules.of(agentId).reconfigure(config);
            return null;
        });
    }

    /**
     * Asks the schedule to stop and waits for it to close, terminating it when it does not close within
     * the grace period.
     *
     * @return true when it closed on request, false when it had to be terminated
     */
    boolean stop(String agentId) {
        return unlessUnavailable(() -> schedules.stop(agentId, stopGrace,
                "reconciliation: the agent is not running and its schedule did not stop on request")
                != AgentSchedules.Stop.TERMINATED);
    }

    private static <T> T unlessUnavailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            TemporalUnavailableException unavailable = TemporalUnavailableException.from(failure);
            throw unavailable == null ? failure : unavailable;
        }
    }
}
