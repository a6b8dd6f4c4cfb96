package dev.agentry.workflows.reconciliation;

import com.google.protobuf.ByteString;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentSchedules;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleMemo;
import dev.agentry.workflows.schedule.ScheduleState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.DataConverter;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The agents' schedule workflows in Temporal, read and repaired. Every call that fails because Temporal
 * cannot be reached throws {@link TemporalUnavailableException}.
 */
final class ScheduleWorkflows {

    private static final String WORKFLOW_TYPE = AgentScheduleWorkflow.class.getSimpleName();
    private static final String WORKFLOW_ID_PREFIX = AgentScheduleWorkflow.workflowIdFor("");
    private static final int PAGE_SIZE = 1000;
    private static final int LISTING_ATTEMPTS = 5;

    private final WorkflowClient client;
    private final AgentSchedules schedules;
    private final Duration stopGrace;
    private final DataConverter dataConverter;

    ScheduleWorkflows(WorkflowClient client, Duration stopGrace) {
        this.client = client;
        this.dataConverter = client.getOptions().getDataConverter();
        this.schedules = new AgentSchedules(client);
        this.stopGrace = stopGrace;
    }

    /**
     * The open schedule workflows, page by page through the legacy listing, which the in-memory service also
     * implements (it ignores the type filter and the page size, hence the checks here as well), each with the
     * fingerprint its memo lists, or null when the listing carries no memo (the in-memory service lists none;
     * a cluster lists each execution's memo).
     *
     * @return the fingerprint (or null) of each agent with an open schedule, by agent id
     */
    Map<String, String> openSchedules() {
        return unlessUnavailable(() -> {
            Map<String, String> fingerprints = new TreeMap<>();
            ByteString page = ByteString.EMPTY;
            do {
                ListOpenWorkflowExecutionsResponse response = listPage(page);
                for (WorkflowExecutionInfo execution : response.getExecutionsList()) {
                    String workflowId = execution.getExecution().getWorkflowId();
                    if (execution.getType().getName().equals(WORKFLOW_TYPE) && workflowId.startsWith(WORKFLOW_ID_PREFIX)) {
                        fingerprints.put(workflowId.substring(WORKFLOW_ID_PREFIX.length()),
                                fingerprintIn(new WorkflowExecutionMetadata(execution, dataConverter)));
                    }
                }
                page = response.getNextPageToken();
            } while (!page.isEmpty());
            return fingerprints;
        });
    }

    /**
     * One page of the listing. The in-memory service walks its executions unguarded, so a listing taken while
     * schedules start can fail with UNKNOWN (a ConcurrentModificationException on its side): asked again then.
     */
    private ListOpenWorkflowExecutionsResponse listPage(ByteString page) {
        ListOpenWorkflowExecutionsRequest request = ListOpenWorkflowExecutionsRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                .setMaximumPageSize(PAGE_SIZE)
                .setNextPageToken(page)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                return client.getWorkflowServiceStubs().blockingStub().listOpenWorkflowExecutions(request);
            } catch (StatusRuntimeException failed) {
                if (failed.getStatus().getCode() != Status.Code.UNKNOWN || attempt == LISTING_ATTEMPTS) {
                    throw failed;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
            }
        }
    }

    /**
     * Describes {@code agent-<agentId>}; when it is open, its settings' fingerprint is read from the memo or,
     * for a schedule started before the memo was kept, asked of the schedule itself.
     */
    ObservedSchedule observe(String agentId) {
        return unlessUnavailable(() -> {
            String workflowId = AgentScheduleWorkflow.workflowIdFor(agentId);
            try {
                WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
                if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    return ObservedSchedule.notOpen(agentId);
                }
                String fingerprint = fingerprintIn(description);
                if (fingerprint == null) {
                    ScheduleConfig config = schedules.of(agentId).describe().config();
                    fingerprint = config == null ? null : config.fingerprint();
                }
                return new ObservedSchedule(agentId, true, fingerprint);
            } catch (WorkflowNotFoundException notFound) {
                return ObservedSchedule.notOpen(agentId);
            }
        });
    }

    /** Whether {@code agent-<agentId>} is open, from one describe. */
    boolean isOpen(String agentId) {
        return unlessUnavailable(() -> {
            try {
                return client.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).describe().getStatus()
                        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
            } catch (WorkflowNotFoundException notFound) {
                return false;
            }
        });
    }

    private static String fingerprintIn(WorkflowExecutionMetadata execution) {
        return execution.getMemo(ScheduleMemo.FINGERPRINT, String.class, String.class);
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
