package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.infra.temporal.EmbeddedTemporalService;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The platform with its own in-memory Temporal service, which forgets every schedule when the platform
 * stops: after a restart, reconciliation at startup finds the RUNNING agents orphaned and applies the
 * orphan policy (restore by default with the in-memory service).
 */
class ReconciliationAtStartupTest {

    private static final String ALICE = "user-alice";
    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller BOB = new Caller("user-bob", "bob", Role.USER);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AgentSettings SETTINGS = new AgentSettings("reporter", "Summarise the news",
            ReasoningTier.STANDARD, null, new Schedule("0 9 1 1 *", "Europe/Berlin"), List.of("current_time"),
            OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);

    @TempDir
    Path home;
    private PostgresTestDatabase database;
    private RunningPlatform platform;

    @BeforeEach
    void createTheDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
        database.close();
    }

    @Test
    void aRestartWithTheInMemoryServiceRestoresTheSchedulesOfRunningAgents() {
        String agentId = runningAgentWithItsSchedule();

        restart();

        awaitSchedule(agentId);
        assertThat(scheduleOf(agentId).describe().config()).isEqualTo(ScheduleFingerprint.configOf(SETTINGS));
        await().atMost(PATIENCE).until(() -> history(agentId).stream().anyMatch(entry -> entry.type().equals("AgentScheduleRestored")));
        assertThat(history(agentId)).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor)
                .endsWith(tuple("AgentScheduleRestored", "system:reconciliation"));
        assertThat(agent(agentId).status()).isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void aRestartUnderPolicyStopStopsTheRunningAgentsAsOrphaned() {
        String agentId = runningAgentWithItsSchedule();

        restart("agentry.reconciliation.orphan-policy=stop");

        await().atMost(PATIENCE).until(() -> agent(agentId).status() == AgentStatus.STOPPED);
        // the history is a read model of its own, which may follow a moment later
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(history(agentId))
                .extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor, AgentHistoryEntry::reason)
                .containsSubsequence(tuple("AgentStopped", "system:reconciliation", "ORPHANED"),
                        tuple("FailureNoticeDue", "system:reconciliation", "ORPHANED")));
        assertThat(isOpen(agentId)).isFalse();
    }

    @Test
    void theReconcileToolAnswersTheReportToAnAdminAndIsDeniedToOthers() {
        String agentId = runningAgentWithItsSchedule();
        McpTool<?> tool = reconcileTool();

        Map<String, Object> report = ToolCalls.structured(tool, ToolCalls.call(tool, ADMIN, Map.of("dry_run", true)));

        assertThat(report).containsEntry("dry_run", true).containsEntry("orphan_policy", "restore")
                .containsEntry("temporal_available", true).containsEntry("running_agents", 1)
                .containsEntry("open_schedules", 1).containsEntry("orphans", List.of())
                .containsEntry("repaired", List.of());
        assertThat(isOpen(agentId)).isTrue();
        assertThat(ToolCalls.errorText(ToolCalls.call(tool, BOB, Map.of())))
                .isEqualTo("permission_denied: reconcile requires the ADMIN role");
        assertThat(ToolCalls.errorText(ToolCalls.call(tool, ADMIN, Map.of("dry_run", "yes"))))
                .startsWith("invalid_argument: dry_run");
    }

    @Test
    void twoNodesStartingOnOneTemporalRestoreEachOrphanOnce() throws Exception {
        List<String> agents = List.of(runningAgentWithItsSchedule(), runningAgentWithItsSchedule());
        // the platform's own in-memory service forgets the schedules when it stops
        platform.close();
        platform = null;
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedTemporalService temporal = EmbeddedTemporalService.start(port)) {
            String[] properties = {"agentry.temporal.enabled=true", "agentry.temporal.target=127.0.0.1:" + port,
                    "agentry.reconciliation.on-startup=true", "agentry.reconciliation.orphan-policy=restore"};
            // one after the other in this JVM (Spring Boot's logging is set up once per JVM); each reconciles at its start
            platform = RunningPlatform.start(database, home, properties);
            try (RunningPlatform otherNode = RunningPlatform.start(database, home.resolve("other"), properties)) {
                for (String agentId : agents) {
                    awaitSchedule(agentId);
                }
                await().atMost(PATIENCE).until(() -> agents.stream().allMatch(agentId -> restorations(agentId) >= 1));
                // both nodes have reconciled by now: each waits for the other behind the cluster lock
                await().atMost(PATIENCE).until(() -> startupReportOf(platform) != null && startupReportOf(otherNode) != null);
                for (String agentId : agents) {
                    assertThat(restorations(agentId)).as("restorations of %s", agentId).isEqualTo(1);
                }
            } finally {
                platform.close();
                platform = null;
            }
        }
    }

    private static Object startupReportOf(RunningPlatform node) {
        return node.bean(StartupReconciliation.class).lastReport();
    }

    private long restorations(String agentId) {
        return platform.jdbc().sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .params(agentId, "dev.agentry.command.api.AgentScheduleRestored").query(Long.class).single();
    }

    private String runningAgentWithItsSchedule() {
        if (platform == null) {
            platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true");
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
        }
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, SETTINGS), ALICE, "alice");
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        awaitSchedule(agentId);
        return agentId;
    }

    private void restart(String... properties) {
        platform.close();
        platform = null;
        String[] all = new String[properties.length + 2];
        all[0] = "agentry.temporal.enabled=true";
        all[1] = "agentry.reconciliation.on-startup=true";
        System.arraycopy(properties, 0, all, 2, properties.length);
        platform = RunningPlatform.start(database, home, all);
    }

    private McpTool<?> reconcileTool() {
        return platform.beans(McpTool.class).stream()
                .filter(tool -> tool.definition().name().equals("reconcile"))
                .findFirst().orElseThrow();
    }

    private void awaitSchedule(String agentId) {
        await().atMost(PATIENCE).until(() -> isOpen(agentId));
    }

    private boolean isOpen(String agentId) {
        try {
            return temporal().newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).describe().getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        }
    }

    private AgentScheduleWorkflow scheduleOf(String agentId) {
        return temporal().newWorkflowStub(AgentScheduleWorkflow.class, AgentScheduleWorkflow.workflowIdFor(agentId));
    }

    private WorkflowClient temporal() {
        return platform.bean(WorkflowClient.class);
    }

    private AgentView agent(String agentId) {
        return platform.queryOne(new FindAgent(agentId, ALICE), AgentView.class).orElseThrow();
    }

    private List<AgentHistoryEntry> history(String agentId) {
        return platform.queryMany(new AgentHistory(agentId, ALICE, 100), AgentHistoryEntry.class);
    }
}
