package dev.agentry.infra.temporal.reconciliation;

import java.util.ArrayList;
import java.time.Instant;
import dev.agentry.workflows.reconciliation.LifecycleEvents;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentCreated;
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
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.workflows.reconciliation.OrphanPolicy;
import dev.agentry.workflows.reconciliation.Reconciliation;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import dev.agentry.workflows.reconciliation.TemporalSyncProgress;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation on the real event store (PostgreSQL, the agent aggregate, the read models) against
 * Temporal's test service, whose schedule workflows the tests set up or lose behind the platform's back.
 */
class ReconciliationTest {

    private static final String ALICE = "user-alice";
    private static final Schedule YEARLY = new Schedule("0 9 1 1 *", "Europe/Berlin");
    private static final TemporalSyncProgress SYNC_CAUGHT_UP = () -> Long.MAX_VALUE;
    private static final int RUNS_OF_A_BUSY_AGENT = 100;

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private ScheduleService temporal;

    @BeforeAll
    static void startThePlatformWithoutItsOwnTemporal() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home);
        platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
    }

    @BeforeEach
    void startTemporal() {
        temporal = ScheduleService.start();
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    @Test
    void anOrphanUnderPolicyStopIsStoppedAsOrphanedByReconciliation() {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.orphans()).contains(agentId);
        assertThat(report.repaired()).contains(agentId);
        awaitReadModels();
        assertThat(agent(agentId).status()).isEqualTo(AgentStatus.STOPPED);
        // the owner is to hear of the stop; whether the notice went out follows in the history later
        assertThat(history(agentId)).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor, AgentHistoryEntry::reason)
                .containsSubsequence(tuple("AgentStarted", "alice", null),
                        tuple("AgentStopped", "system:reconciliation", "ORPHANED"),
                        tuple("FailureNoticeDue", "system:reconciliation", "ORPHANED"));
        assertThat(history(agentId)).filteredOn(entry -> entry.type().equals("AgentStopped")).singleElement()
                .satisfies(stop -> assertThat(stop.details()).containsEntry("reason", "RECONCILIATION"));
        assertThat(temporal.isOpen(agentId)).isFalse();
    }

    @Test
    void anOrphanUnderPolicyRestoreGetsItsScheduleBackFromTheEvents() {
        AgentSettings settings = settings(YEARLY, CatchUpPolicy.RUN_ONCE);
        String agentId = runningAgent(settings);

        ReconciliationReport report = reconciliation(OrphanPolicy.RESTORE, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.orphans()).contains(agentId);
        assertThat(report.repaired()).contains(agentId);
        assertThat(temporal.isOpen(agentId)).isTrue();
        assertThat(temporal.describe(agentId).config()).isEqualTo(ScheduleFingerprint.configOf(settings));
        awaitReadModels();
        assertThat(agent(agentId).status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(history(agentId)).extracting(AgentHistoryEntry::type, AgentHistoryEntry::actor)
                .endsWith(tuple("AgentScheduleRestored", "system:reconciliation"));
    }

    @Test
    void theWholeStoreIsReadForLifecycleEventsOnlyAndAnAgentsRunsOnlyWhenItIsRepaired() {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        Instant fire = Instant.parse("2026-01-01T08:00:00Z");
        for (int run = 0; run < RUNS_OF_A_BUSY_AGENT; run++) {
            Instant scheduledAt = fire.plus(Duration.ofDays(run));
            platform.send(new RecordAgentRun(agentId, "run-" + run + "-" + agentId, RunTrigger.SCHEDULE, scheduledAt,
                    scheduledAt, scheduledAt.plusSeconds(3), "m", 10, 20, "done", null), ALICE, "alice");
        }
        assertThat(platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(agentId).query(Long.class).single()).isEqualTo(2 + RUNS_OF_A_BUSY_AGENT);
        List<Object> delivered = new ArrayList<>();
        LifecycleEvents counting = types -> lifecycleEvents().readAll(types).peek(event -> delivered.add(event.getPayload()));

        ReconciliationReport report = new Reconciliation(platform.bean(EventStorageEngine.class), counting,
                platform.bean(CommandGateway.class), temporal.client(), SYNC_CAUGHT_UP, options(OrphanPolicy.RESTORE))
                .reconcile(false);

        assertThat(delivered).as("no run of any agent is read to learn what should be scheduled")
                .noneMatch(payload -> payload instanceof AgentRan || payload instanceof AgentFailed
                        || payload instanceof AgentRunSkipped);
        assertThat(delivered).filteredOn(payload -> agentId.equals(agentIdOf(payload)))
                .extracting(payload -> payload.getClass().getSimpleName())
                .containsExactly("AgentCreated", "AgentStarted");
        assertThat(report.orphans()).contains(agentId);
        assertThat(report.repaired()).contains(agentId);
        assertThat(temporal.isOpen(agentId)).isTrue();
    }

    @Test
    void anAgentLostAfterItsScheduleRanIsOrphanedToo() {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        temporal.startSchedule(agentId, ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP)));
        temporal.terminateSchedule(agentId);

        ReconciliationReport report = reconciliation(OrphanPolicy.RESTORE, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.orphans()).contains(agentId);
        assertThat(temporal.isOpen(agentId)).isTrue();
    }

    @Test
    void aScheduleOfAStoppedAgentIsAZombieAndIsStopped() {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        platform.send(new StopAgent(agentId, ALICE), ALICE, "alice");
        temporal.startSchedule(agentId, ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP)));
        String unknownAgent = "never-created-" + UUID.randomUUID();
        temporal.startSchedule(unknownAgent, ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP)));
        int historyBefore = history(agentId).size();

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.zombies()).contains(agentId, unknownAgent);
        assertThat(report.repaired()).contains(agentId, unknownAgent);
        assertThat(temporal.status(agentId)).contains(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        assertThat(temporal.status(unknownAgent)).contains(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        awaitReadModels();
        assertThat(history(agentId)).hasSize(historyBefore);
    }

    @Test
    void aScheduleWithStaleSettingsIsGivenTheSettingsOfTheEvents() {
        AgentSettings settings = settings(new Schedule("30 6 * * 1", "America/New_York"), CatchUpPolicy.RUN_ONCE);
        String agentId = runningAgent(settings);
        ScheduleConfig stale = ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP));
        temporal.startSchedule(agentId, stale);

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.drifted()).contains(agentId);
        assertThat(report.orphans()).doesNotContain(agentId);
        ScheduleConfig expected = ScheduleFingerprint.configOf(settings);
        await().atMost(Duration.ofSeconds(10)).until(() -> temporal.describe(agentId).config(), expected::equals);
        assertThat(temporal.describe(agentId).config().fingerprint()).isNotEqualTo(stale.fingerprint());
        awaitReadModels();
        assertThat(agent(agentId).status()).isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void aScheduleThatMatchesItsAgentIsLeftAlone() {
        AgentSettings settings = settings(YEARLY, CatchUpPolicy.SKIP);
        String agentId = runningAgent(settings);
        temporal.startSchedule(agentId, ScheduleFingerprint.configOf(settings));

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, SYNC_CAUGHT_UP).reconcile(false);

        assertThat(report.orphans()).doesNotContain(agentId);
        assertThat(report.drifted()).doesNotContain(agentId);
        assertThat(report.zombies()).doesNotContain(agentId);
        assertThat(report.repaired()).doesNotContain(agentId);
        assertThat(temporal.isOpen(agentId)).isTrue();
    }

    @Test
    void schedulesWithTheirFingerprintInTheMemoAreComparedWithoutBeingQueried() {
        AgentSettings settings = settings(YEARLY, CatchUpPolicy.SKIP);
        String matching = runningAgent(settings);
        temporal.startScheduleAsThePlatformDoes(matching, ScheduleFingerprint.configOf(settings));
        AgentSettings changed = settings(new Schedule("15 7 * * *", "Asia/Tokyo"), CatchUpPolicy.SKIP);
        String drifting = runningAgent(changed);
        temporal.startScheduleAsThePlatformDoes(drifting, ScheduleFingerprint.configOf(settings));
        String startedBeforeTheMemo = runningAgent(settings);
        temporal.startSchedule(startedBeforeTheMemo, ScheduleFingerprint.configOf(settings));
        String lost = runningAgent(settings);
        TemporalCalls calls = new TemporalCalls();

        ReconciliationReport report = new Reconciliation(platform.bean(EventStorageEngine.class), lifecycleEvents(),
                platform.bean(CommandGateway.class), temporal.clientCounting(calls), SYNC_CAUGHT_UP,
                options(OrphanPolicy.STOP)).reconcile(true);

        assertThat(report.drifted()).containsExactly(drifting);
        assertThat(report.orphans()).contains(lost).doesNotContain(matching, drifting, startedBeforeTheMemo);
        assertThat(report.openSchedules()).isEqualTo(3);
        assertThat(calls.of("ListOpenWorkflowExecutions")).isEqualTo(1);
        // the in-memory service lists no memo, so each listed schedule is described once; the orphans (every
        // running agent of the earlier tests as well) are known from the listing alone
        assertThat(calls.of("DescribeWorkflowExecution")).isEqualTo(3);
        assertThat(calls.of("QueryWorkflow")).as("only the schedule without a memo is asked for its settings").isEqualTo(1);
    }

    @Test
    void aDryRunReportsOrphansZombiesAndDriftAndChangesNothing() {
        String orphan = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        String zombie = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        platform.send(new StopAgent(zombie, ALICE), ALICE, "alice");
        temporal.startSchedule(zombie, ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP)));
        AgentSettings drifted = settings(new Schedule("0 12 * * *", "Asia/Tokyo"), CatchUpPolicy.SKIP);
        String drifting = runningAgent(drifted);
        ScheduleConfig stale = ScheduleFingerprint.configOf(settings(YEARLY, CatchUpPolicy.SKIP));
        temporal.startSchedule(drifting, stale);
        long eventsBefore = platform.eventCount();
        Set<String> openBefore = temporal.openWorkflowIds();

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, SYNC_CAUGHT_UP).reconcile(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.temporalAvailable()).isTrue();
        assertThat(report.orphans()).contains(orphan).doesNotContain(zombie, drifting);
        assertThat(report.zombies()).containsExactly(zombie);
        assertThat(report.drifted()).containsExactly(drifting);
        assertThat(report.repaired()).isEmpty();
        assertThat(platform.eventCount()).isEqualTo(eventsBefore);
        assertThat(temporal.openWorkflowIds()).isEqualTo(openBefore);
        assertThat(temporal.describe(drifting).config()).isEqualTo(stale);
        awaitReadModels();
        assertThat(agent(orphan).status()).isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void whenTemporalIsUnreachableNoAgentIsTakenForAnOrphan() throws IOException {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        long eventsBefore = platform.eventCount();
        WorkflowServiceStubs unreachable = stubsForAClosedPort();
        try {
            Reconciliation reconciliation = new Reconciliation(platform.bean(EventStorageEngine.class), lifecycleEvents(),
                    platform.bean(CommandGateway.class), WorkflowClient.newInstance(unreachable), SYNC_CAUGHT_UP,
                    options(OrphanPolicy.STOP));

            ReconciliationReport report = reconciliation.reconcile(false);

            assertThat(report.temporalAvailable()).isFalse();
            assertThat(report.unavailable()).contains("UNAVAILABLE");
            assertThat(report.orphans()).isEmpty();
            assertThat(report.repaired()).isEmpty();
        } finally {
            unreachable.shutdownNow();
        }
        assertThat(platform.eventCount()).isEqualTo(eventsBefore);
        awaitReadModels();
        assertThat(agent(agentId).status()).isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void anAgentWhoseStartTemporalSyncHasNotAppliedIsAwaitingSyncNotOrphaned() {
        String agentId = runningAgent(settings(YEARLY, CatchUpPolicy.SKIP));
        // temporal-sync does not run in this platform, so its stored progress is "nothing applied yet"
        TemporalSyncProgress storedProgress = new SyncTokenProgress(platform.jdbc(), platform.bean(Serializer.class));
        long eventsBefore = platform.eventCount();

        ReconciliationReport report = reconciliation(OrphanPolicy.STOP, storedProgress).reconcile(false);

        assertThat(storedProgress.appliedThrough()).isEqualTo(-1);
        assertThat(report.awaitingSync()).contains(agentId);
        assertThat(report.orphans()).doesNotContain(agentId);
        assertThat(platform.eventCount()).isEqualTo(eventsBefore);
    }

    private Reconciliation reconciliation(OrphanPolicy policy, TemporalSyncProgress progress) {
        return new Reconciliation(platform.bean(EventStorageEngine.class), lifecycleEvents(),
                platform.bean(CommandGateway.class), temporal.client(), progress, options(policy));
    }

    private LifecycleEventsInTheStore lifecycleEvents() {
        return new LifecycleEventsInTheStore(platform.jdbc(), platform.bean("eventSerializer", Serializer.class));
    }

    private static Reconciliation.Options options(OrphanPolicy policy) {
        return new Reconciliation.Options(policy, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static String agentIdOf(Object payload) {
        if (payload instanceof AgentCreated created) {
            return created.agentId();
        }
        return payload instanceof AgentStarted started ? started.agentId() : null;
    }

    private static WorkflowServiceStubs stubsForAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort)
                .setRpcTimeout(Duration.ofSeconds(2))
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(Duration.ofSeconds(2)).validateBuildWithDefaults())
                .build());
    }

    private static String runningAgent(AgentSettings settings) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, settings), ALICE, "alice");
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        return agentId;
    }

    private static AgentSettings settings(Schedule schedule, CatchUpPolicy catchUp) {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null, schedule,
                List.of("current_time"), OverlapPolicy.SKIP, catchUp, null);
    }

    private static void awaitReadModels() {
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
    }

    private static AgentView agent(String agentId) {
        return platform.queryOne(new FindAgent(agentId, ALICE), AgentView.class).orElseThrow();
    }

    private static List<AgentHistoryEntry> history(String agentId) {
        return platform.queryMany(new AgentHistory(agentId, ALICE, 100), AgentHistoryEntry.class);
    }
}
