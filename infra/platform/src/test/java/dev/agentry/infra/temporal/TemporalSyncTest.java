package dev.agentry.infra.temporal;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.UpdateAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import dev.agentry.workflows.schedule.ScheduleSnapshot;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agents' lifecycle events reach Temporal through temporal-sync, on the platform's own worker. */
class TemporalSyncTest {

    private static final String ALICE = "user-alice";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static WorkflowClient temporal;

    @BeforeAll
    static void startThePlatformWithTemporal() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true");
        temporal = platform.bean(WorkflowClient.class);
        platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
    }

    @Test
    void startingAnAgentStartsItsScheduleWithItsSettings() {
        AgentSettings settings = settings("*/5 * * * *", OverlapPolicy.BUFFER_ONE);
        String agentId = createAgent(settings);

        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");

        ScheduleSnapshot schedule = awaitSchedule(agentId, snapshot -> true);
        assertThat(schedule.config()).isEqualTo(ScheduleFingerprint.configOf(settings));
        assertThat(schedule.nextFireAt()).isNotNull();
    }

    @Test
    void reconfiguringARunningAgentGivesItsScheduleTheNewSettings() {
        String agentId = createAgent(settings("*/5 * * * *", OverlapPolicy.SKIP));
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        awaitSchedule(agentId, snapshot -> true);

        Schedule hourly = new Schedule("0 * * * *", "Europe/Berlin");
        platform.send(new UpdateAgent(agentId, ALICE, new AgentSettingsChange(null, null, null, null, hourly, null,
                null, null, null, null, null, null, null)), ALICE, "alice");

        ScheduleSnapshot schedule = awaitSchedule(agentId, snapshot -> snapshot.config().schedule().equals(hourly));
        assertThat(schedule.config().fingerprint()).isEqualTo(
                ScheduleFingerprint.of(hourly, OverlapPolicy.SKIP, CatchUpPolicy.SKIP));
    }

    @Test
    void stoppingAnAgentClosesItsScheduleAndStartingItAgainOpensANewOne() {
        String agentId = createAgent(settings("*/5 * * * *", OverlapPolicy.SKIP));
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        String firstExecution = awaitOpenSchedule(agentId).getExecution().getRunId();

        platform.send(new StopAgent(agentId, ALICE), ALICE, "alice");
        await().atMost(PATIENCE).until(() -> status(AgentScheduleWorkflow.workflowIdFor(agentId))
                .filter(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED::equals).isPresent());

        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        await().atMost(PATIENCE).until(() -> {
            WorkflowExecutionDescription open = awaitOpenSchedule(agentId);
            return !open.getExecution().getRunId().equals(firstExecution);
        });
    }

    @Test
    void deletingARunningAgentClosesItsSchedule() {
        String agentId = createAgent(settings("*/5 * * * *", OverlapPolicy.SKIP));
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        awaitOpenSchedule(agentId);

        platform.send(new DeleteAgent(agentId, ALICE), ALICE, "alice");

        await().atMost(PATIENCE).until(() -> status(AgentScheduleWorkflow.workflowIdFor(agentId))
                .filter(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED::equals).isPresent());
    }

    @Test
    void aManualRunOfARunningAgentIsStartedByItsSchedule() {
        String agentId = createAgent(settings(null, OverlapPolicy.SKIP));
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        WorkflowExecutionDescription schedule = awaitOpenSchedule(agentId);
        String runId = "run-" + agentId + "-manual-" + UUID.randomUUID();

        platform.send(new RequestAgentRun(agentId, ALICE, runId), ALICE, "alice");

        WorkflowExecutionDescription run = awaitWorkflow(runId);
        assertThat(run.getWorkflowType()).isEqualTo("AgentRunWorkflow");
        assertThat(run.getParentExecution()).isNotNull();
        assertThat(run.getParentExecution().getWorkflowId()).isEqualTo(schedule.getExecution().getWorkflowId());
    }

    @Test
    void aManualRunOfAStoppedAgentIsStartedOnItsOwn() {
        String agentId = createAgent(settings("*/5 * * * *", OverlapPolicy.SKIP));
        String runId = "run-" + agentId + "-manual-" + UUID.randomUUID();

        platform.send(new RequestAgentRun(agentId, ALICE, runId), ALICE, "alice");

        WorkflowExecutionDescription run = awaitWorkflow(runId);
        assertThat(run.getWorkflowType()).isEqualTo("AgentRunWorkflow");
        assertThat(run.getTaskQueue()).isEqualTo(AgentScheduleWorkflow.TASK_QUEUE);
        assertThat(run.getParentExecution()).isNull();
        assertThat(status(AgentScheduleWorkflow.workflowIdFor(agentId))).isEmpty();
    }

    private static String createAgent(AgentSettings settings) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, settings), ALICE, "alice");
        return agentId;
    }

    private static AgentSettings settings(String cron, OverlapPolicy overlap) {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null,
                cron == null ? null : new Schedule(cron, "Europe/Berlin"), List.of("current_time"),
                overlap, CatchUpPolicy.SKIP, null);
    }

    private static ScheduleSnapshot awaitSchedule(String agentId, java.util.function.Predicate<ScheduleSnapshot> until) {
        AgentScheduleWorkflow schedule = temporal.newWorkflowStub(AgentScheduleWorkflow.class,
                AgentScheduleWorkflow.workflowIdFor(agentId));
        return await().atMost(PATIENCE).ignoreException(WorkflowNotFoundException.class)
                .until(schedule::describe, until::test);
    }

    private static WorkflowExecutionDescription awaitOpenSchedule(String agentId) {
        return await().atMost(PATIENCE).ignoreException(WorkflowNotFoundException.class)
                .until(() -> temporal.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).describe(),
                        description -> description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }

    private static WorkflowExecutionDescription awaitWorkflow(String workflowId) {
        return await().atMost(PATIENCE).ignoreException(WorkflowNotFoundException.class)
                .until(() -> temporal.newUntypedWorkflowStub(workflowId).describe(), description -> true);
    }

    private static Optional<WorkflowExecutionStatus> status(String workflowId) {
        try {
            return Optional.of(temporal.newUntypedWorkflowStub(workflowId).describe().getStatus());
        } catch (WorkflowNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
