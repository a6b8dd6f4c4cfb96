package dev.agentry.workflows.sync;

import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Applies the agents' lifecycle to their schedule workflows; see the package documentation. */
@ProcessingGroup(AgentScheduleSync.PROCESSING_GROUP)
public class AgentScheduleSync {

    public static final String PROCESSING_GROUP = "temporal-sync";
    /** how long a stopped schedule may take to close before it is terminated */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AgentScheduleSync.class);

    private final WorkflowClient client;
    private final AgentSettingsAsOf settings;

    public AgentScheduleSync(WorkflowClient client, EventStore eventStore) {
        this.client = client;
        this.settings = new AgentSettingsAsOf(eventStore);
    }

    @EventHandler
    void on(AgentStarted event, @SequenceNumber long sequenceNumber) {
        ScheduleConfig config = ScheduleFingerprint.configOf(settings.settings(event.agentId(), sequenceNumber));
        AgentScheduleWorkflow schedule = client.newWorkflowStub(AgentScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(event.agentId()))
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                .build());
        // an open schedule (a redelivered start) only takes the settings, and equal settings change nothing
        BatchRequest signalWithStart = client.newSignalWithStartRequest();
        signalWithStart.add(schedule::run, ScheduleState.startingNow(event.agentId(), config));
        signalWithStart.add(schedule::reconfigure, config);
        client.signalWithStart(signalWithStart);
        log.info("Schedule of agent {} started", event.agentId());
    }

    @EventHandler
    void on(AgentReconfigured event) {
        try {
            scheduleOf(event.agentId()).reconfigure(ScheduleFingerprint.configOf(event.settings()));
        } catch (WorkflowNotFoundException notRunning) {
            // a stopped agent has no schedule; its next start takes the settings
        }
    }

    @EventHandler
    void on(AgentStopped event) {
        stopSchedule(event.agentId());
    }

    @EventHandler
    void on(AgentDeleted event) {
        stopSchedule(event.agentId());
    }

    /**
     * A running agent's schedule starts the run, under the agent's overlap policy; a stopped agent has no
     * schedule, so the run is started here.
     */
    @EventHandler
    void on(AgentRunRequested event, @Timestamp Instant requestedAt) {
        try {
            scheduleOf(event.agentId()).triggerNow(event.runId());
        } catch (WorkflowNotFoundException noSchedule) {
            startRun(new RunRequest(event.agentId(), event.runId(), RunTrigger.MANUAL, requestedAt));
        }
    }

    private void startRun(RunRequest request) {
        AgentRunWorkflow run = client.newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(request.runId())
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                // a run id is used once: a redelivered request must not run again after the run ended
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(run::run, request);
            log.info("Run {} of stopped agent {} started", request.runId(), request.agentId());
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            // started before this delivery of the event
        }
    }

    private void stopSchedule(String agentId) {
        String workflowId = AgentScheduleWorkflow.workflowIdFor(agentId);
        try {
            scheduleOf(agentId).stop();
        } catch (WorkflowNotFoundException notRunning) {
            return;
        }
        WorkflowStub schedule = client.newUntypedWorkflowStub(workflowId);
        try {
            schedule.getResult(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS, Void.class);
            log.info("Schedule of agent {} stopped", agentId);
        } catch (TimeoutException stillOpen) {
            log.warn("Schedule of agent {} did not stop within {}; terminating it", agentId, STOP_GRACE);
            terminate(schedule);
        } catch (WorkflowFailedException closedOtherwise) {
            // failed or was terminated meanwhile: closed all the same
        } catch (WorkflowNotFoundException alreadyGone) {
            // closed and no longer retained
        }
    }

    private static void terminate(WorkflowStub schedule) {
        try {
            schedule.terminate("the agent was stopped and its schedule did not stop on request");
        } catch (WorkflowNotFoundException closedMeanwhile) {
            // it closed after all
        }
    }

    private AgentScheduleWorkflow scheduleOf(String agentId) {
        return client.newWorkflowStub(AgentScheduleWorkflow.class, AgentScheduleWorkflow.workflowIdFor(agentId));
    }
}
