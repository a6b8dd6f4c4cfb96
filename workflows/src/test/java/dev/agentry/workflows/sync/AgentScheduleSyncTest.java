package dev.agentry.workflows.sync;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopReason;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentScheduleWorkflowImpl;
import dev.agentry.workflows.schedule.DescribedRunStatus;
import dev.agentry.workflows.schedule.ScheduleActivities;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** temporal-sync against Temporal's test service and Axon's in-memory event store, handling events as a processor would. */
class AgentScheduleSyncTest {

    private static final String AGENT = "a-1";
    private static final Instant REQUESTED = Instant.parse("2026-11-26T08:00:00Z");

    private final List<RunRequest> runs = new CopyOnWriteArrayList<>();
    private TestWorkflowEnvironment temporal;
    private WorkflowClient client;
    private EventStore eventStore;
    private AgentScheduleSync sync;

    /** Stands in for the agent loop: notes the request and ends. */
    public static class NotingRunWorkflow implements AgentRunWorkflow {
        private final List<RunRequest> runs;

        NotingRunWorkflow(List<RunRequest> runs) {
            this.runs = runs;
        }

        @Override
        public RunOutcome run(RunRequest request) {
            if (!io.temporal.workflow.Workflow.isReplaying()) {
                runs.add(request);
            }
            return new RunOutcome(request.runId(), true, "done");
        }
    }

    @BeforeEach
    void startTemporalAndTheEventStore() {
        temporal = TestWorkflowEnvironment.newInstance();
        Worker worker = temporal.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentScheduleWorkflowImpl.class);
        worker.registerWorkflowImplementationFactory(AgentRunWorkflow.class, () -> new NotingRunWorkflow(runs));
        worker.registerActivitiesImplementations(new DescribedRunStatus(temporal.getWorkflowClient()),
                (ScheduleActivities) (agentId, runId, scheduledAt) -> { });
        temporal.start();
        client = temporal.getWorkflowClient();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        sync = new AgentScheduleSync(client, eventStore);
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    @Test
    void aStartTakesTheSettingsInForceAtTheStartedEventNotLaterOnes() {
        AgentSettings atStart = settings("*/5 * * * *");
        append(0, new AgentCreated(AGENT, "user-alice", settings("0 9 * * *")));
        append(1, new AgentReconfigured(AGENT, atStart));
        append(2, new AgentStarted(AGENT));
        append(3, new AgentReconfigured(AGENT, settings("0 * * * *")));

        sync.on(new AgentStarted(AGENT), 2);

        assertThat(schedule().describe().config()).isEqualTo(ScheduleFingerprint.configOf(atStart));
    }

    @Test
    void aRedeliveredStartLeavesTheOpenScheduleAsItIs() {
        append(0, new AgentCreated(AGENT, "user-alice", settings("*/5 * * * *")));
        append(1, new AgentStarted(AGENT));
        sync.on(new AgentStarted(AGENT), 1);
        String execution = describe().getExecution().getRunId();

        sync.on(new AgentStarted(AGENT), 1);

        assertThat(describe().getExecution().getRunId()).isEqualTo(execution);
        assertThat(describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(schedule().describe().config()).isEqualTo(ScheduleFingerprint.configOf(settings("*/5 * * * *")));
    }

    @Test
    void aStartRightBehindAStopOpensANewSchedule() {
        append(0, new AgentCreated(AGENT, "user-alice", settings("*/5 * * * *")));
        append(1, new AgentStarted(AGENT));
        append(2, new AgentStopped(AGENT, StopReason.USER));
        append(3, new AgentStarted(AGENT));
        sync.on(new AgentStarted(AGENT), 1);
        String first = describe().getExecution().getRunId();

        sync.on(new AgentStopped(AGENT, StopReason.USER));
        assertThat(client.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(AGENT), java.util.Optional.of(first),
                java.util.Optional.empty()).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        sync.on(new AgentStarted(AGENT), 3);

        assertThat(describe().getExecution().getRunId()).isNotEqualTo(first);
        assertThat(describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }

    @Test
    void stopsDeletionsAndNewSettingsForAnAgentWithoutScheduleChangeNothing() {
        sync.on(new AgentReconfigured(AGENT, settings("*/5 * * * *")));
        sync.on(new AgentStopped(AGENT, StopReason.ORPHANED));
        sync.on(new AgentDeleted(AGENT));

        assertThatThrownBy(this::describe).isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void aManualRunOfAStoppedAgentRunsOnceHoweverOftenTheRequestIsDelivered() {
        String runId = "run-" + AGENT + "-manual-1";

        sync.on(new AgentRunRequested(AGENT, runId), REQUESTED);
        client.newUntypedWorkflowStub(runId).getResult(RunOutcome.class);
        sync.on(new AgentRunRequested(AGENT, runId), REQUESTED);

        assertThat(runs).containsExactly(new RunRequest(AGENT, runId, RunTrigger.MANUAL, REQUESTED));
        assertThatThrownBy(this::describe).isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void aManualRunOfARunningAgentIsStartedByItsSchedule() {
        append(0, new AgentCreated(AGENT, "user-alice", settings(null)));
        append(1, new AgentStarted(AGENT));
        sync.on(new AgentStarted(AGENT), 1);
        String runId = "run-" + AGENT + "-manual-2";

        sync.on(new AgentRunRequested(AGENT, runId), REQUESTED);
        temporal.sleep(Duration.ofSeconds(5)); // the schedule acts on the signal in a workflow task of its own

        assertThat(runs).extracting(RunRequest::runId).containsExactly(runId);
        assertThat(client.newUntypedWorkflowStub(runId).describe().getParentExecution().getWorkflowId())
                .isEqualTo(AgentScheduleWorkflow.workflowIdFor(AGENT));
    }

    @Test
    void whileTemporalIsUnreachableEveryEventFailsSoThatItIsRetried() throws IOException {
        append(0, new AgentCreated(AGENT, "user-alice", settings("*/5 * * * *")));
        WorkflowServiceStubs nowhere = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort()).setRpcTimeout(Duration.ofSeconds(2)).build());
        try {
            AgentScheduleSync unreachable = new AgentScheduleSync(WorkflowClient.newInstance(nowhere), eventStore);

            assertThatThrownBy(() -> unreachable.on(new AgentStarted(AGENT), 0)).isInstanceOf(WorkflowServiceException.class);
            assertThatThrownBy(() -> unreachable.on(new AgentStopped(AGENT, StopReason.USER))).isInstanceOf(WorkflowServiceException.class);
            assertThatThrownBy(() -> unreachable.on(new AgentRunRequested(AGENT, "run-x"), REQUESTED))
                    .isInstanceOf(WorkflowServiceException.class);
        } finally {
            nowhere.shutdownNow();
        }
    }

    private AgentScheduleWorkflow schedule() {
        return client.newWorkflowStub(AgentScheduleWorkflow.class, AgentScheduleWorkflow.workflowIdFor(AGENT));
    }

    private io.temporal.client.WorkflowExecutionDescription describe() {
        return client.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(AGENT)).describe();
    }

    private void append(long sequenceNumber, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Agent", AGENT, sequenceNumber, event));
    }

    private static AgentSettings settings(String cron) {
        return new AgentSettings("reporter", "Tell the time.", ReasoningTier.STANDARD, null,
                cron == null ? null : new Schedule(cron, "Europe/Berlin"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
