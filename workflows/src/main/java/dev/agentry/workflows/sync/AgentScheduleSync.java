package dev.agentry.workflows.sync;

import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentSchedules;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/** Applies the agents' lifecycle to their schedule workflows; see the package documentation. */
@ProcessingGroup(AgentScheduleSync.PROCESSING_GROUP)
public class AgentScheduleSync {

    public static final String PROCESSING_GROUP = "temporal-sync";
    /** how long a stopped schedule may take to close before it is terminated */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AgentScheduleSync.class);

    private final WorkflowClient client;
    private final AgentSchedules schedules;
    private final AgentSettingsAsOf settings;

    public AgentScheduleSync(WorkflowClient client, EventStore eventStore) {
        this.client = client;
        this.schedules = new AgentSchedules(client);
        this.settings = new AgentSettingsAsOf(eventStore);
    }

    @EventHandler
    void on(AgentStarted event, @SequenceNumber long sequenceNumber) {
        ScheduleConfig config = ScheduleFingerprint.configOf(settings.settings(event.agentId(), sequenceNumber));
        // an open schedule (a redelivered start) only takes the settings, and equal settings change nothing
        schedules.start(ScheduleState.startingNow(event.agentId(), config));
        log.info("Schedule of agent {} started", event.agentId());
    }

    @EventHandler
    void on(AgentReconfigured event) {
        try {
            schedules.of(event.agentId()).reconfigure(ScheduleFingerprint.configOf(event.settings()));
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
            schedules.of(event.agentId()).triggerNow(event.runId());
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
        switch (schedules.stop(agentId, STOP_GRACE, "the agent was stopped and its schedule did not stop on request")) {
            case CLOSED -> log.info("Schedule of agent {} stopped", agentId);
            case TERMINATED -> log.warn("Schedule of agent {} did not stop within {}; terminated it", agentId, STOP_GRACE);
            case NOT_OPEN -> {
                // a stopped agent has no schedule
            }
        }
    }
}
