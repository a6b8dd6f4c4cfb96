package dev.agentry.infra.postgres.readmodel;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.ListAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EventStoreAndReadModelsTest {

    private static final String ALICE = "user-alice";
    private static final String[] READ_MODEL_TABLES =
            {"agent_status", "audit_log", "users", "api_tokens", "agent_runs", "agent_run_owners"};
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path home;
    private PostgresTestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void restartingTheApplicationKeepsEveryAgentAndItsStatus() {
        List<AgentView> before;
        String running;
        String stopped;
        String deleted;
        try (RunningPlatform platform = RunningPlatform.start(database, home)) {
            createAlice(platform);
            running = createAgent(platform, "reporter");
            stopped = createAgent(platform, "digest");
            deleted = createAgent(platform, "scratch");
            platform.send(new StartAgent(running, ALICE), ALICE, "alice");
            platform.send(new StartAgent(stopped, ALICE), ALICE, "alice");
            platform.send(new StopAgent(stopped, ALICE), ALICE, "alice");
            platform.send(new DeleteAgent(deleted, ALICE), ALICE, "alice");
            before = platform.queryMany(new ListAgents(ALICE, null), AgentView.class);
        }

        try (RunningPlatform restarted = RunningPlatform.start(database, home)) {
            List<AgentView> after = restarted.queryMany(new ListAgents(ALICE, null), AgentView.class);
            // nextRunAt is computed from the clock at read time, so a cron boundary may pass between the reads
            assertThat(after).usingRecursiveFieldByFieldElementComparatorIgnoringFields("nextRunAt")
                    .containsExactlyElementsOf(before);
            assertThat(after.get(0).nextRunAt()).isAfterOrEqualTo(before.get(0).nextRunAt());
            assertThat(after.get(1).nextRunAt()).isNull();
            assertThat(after).extracting(AgentView::agentId, AgentView::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(running, AgentStatus.RUNNING),
                    org.assertj.core.groups.Tuple.tuple(stopped, AgentStatus.STOPPED));
            assertThat(restarted.queryOne(new FindAgent(deleted, ALICE), AgentView.class)).isEmpty();

            // the restarted aggregate still knows its state: starting a running agent changes nothing
            long events = restarted.eventCount();
            restarted.send(new StartAgent(running, ALICE), ALICE, "alice");
            assertThat(restarted.eventCount()).isEqualTo(events);
        }
    }

    /** A node whose setting is lower than the cluster's (or a command line that has none) still keeps up alone. */
    @Test
    void aNodeConfiguredForFewerSegmentsThanTheStoreHoldsProcessesEveryOneOfThem() {
        try (RunningPlatform platform = RunningPlatform.start(database, home, "agentry.projections.segments=2")) {
            createAlice(platform);
        }
        try (RunningPlatform restarted = RunningPlatform.start(database, home, "agentry.projections.segments=1")) {
            LocalProcessorPositions positions = restarted.bean(LocalProcessorPositions.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(positions.readModelProcessors())
                    .allSatisfy(processor -> assertThat(processor.processingStatus()).containsOnlyKeys(0, 1)));

            // the answer waits for both segments of every read model
            String agentId = createAgent(restarted, "made on the restarted node");
            assertThat(restarted.queryOne(new FindAgent(agentId, ALICE), AgentView.class)).get()
                    .extracting(AgentView::name).isEqualTo("made on the restarted node");
        }
    }

    @Test
    void replayingTheEventStoreFromScratchRebuildsReadModelsIdenticalToTheLiveOnes() {
        try (RunningPlatform platform = RunningPlatform.start(database, home)) {
            createAlice(platform);
            platform.send(new IssueApiToken(ALICE, "tok_one", "a".repeat(64)), "user-admin", "admin");
            platform.send(new IssueApiToken(ALICE, "tok_two", "b".repeat(64)), "user-admin", "admin");
            platform.send(new RevokeApiToken(ALICE, "tok_one"), "user-admin", "admin");
            for (int i = 0; i < 20; i++) {
                String agentId = createAgent(platform, "agent-" + i);
                if (i % 2 == 0) {
                    platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
                }
                recordRuns(platform, agentId, i);
                if (i % 3 == 0) {
                    platform.send(new StopAgent(agentId, ALICE), ALICE, "alice");
                }
                if (i % 5 == 0) {
                    platform.send(new DeleteAgent(agentId, ALICE), ALICE, "alice");
                }
            }
            Map<String, List<Map<String, Object>>> live = readModels(platform);
            assertThat(live.get("agent_status")).hasSize(20);
            // a manual run for each agent, and 0 to 3 scheduled runs: 20 + 5 * (0 + 1 + 2 + 3)
            assertThat(live.get("agent_runs")).hasSize(50);

            List<String> rebuilt = platform.bean(ProjectionRebuild.class).rebuildAll(Duration.ofMinutes(1));

            assertThat(rebuilt).contains("agent-status", "audit-trail", "identity", "run-history");
            assertThat(readModels(platform)).isEqualTo(live);
        }
    }

    @Test
    void everyEventCarriesTheActingUserAndACorrelationId() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(database, home)) {
            createAlice(platform);
            String agentId = createAgent(platform, "reporter");
            platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");

            List<byte[]> metadata = platform.jdbc()
                    .sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                    .param(agentId).query(byte[].class).list();
            assertThat(metadata).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            for (byte[] bytes : metadata) {
                JsonNode node = json.readTree(bytes);
                assertThat(node.path("actorId").asText()).isEqualTo(ALICE);
                assertThat(node.path("actorName").asText()).isEqualTo("alice");
                assertThat(node.path("correlationId").asText()).isNotBlank();
            }
        }
    }

    @Test
    void creatingAnAggregateWhoseIdIsTakenFailsAsADuplicateAndAppendsNothing() {
        try (RunningPlatform platform = RunningPlatform.start(database, home)) {
            createAlice(platform);
            long events = platform.eventCount();

            assertThatThrownBy(() -> createAlice(platform))
                    .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
            assertThat(platform.eventCount()).isEqualTo(events);
        }
    }

    @Test
    void aProjectionThatFailsRetriesTheEventInsteadOfSkippingIt() {
        try (RunningPlatform platform = RunningPlatform.start(database, home,
                "agentry.projections.read-your-writes-timeout=2s")) {
            createAlice(platform);
            platform.jdbc().sql("ALTER TABLE agent_status RENAME TO agent_status_unavailable").update();

            String agentId = UUID.randomUUID().toString();
            assertThatThrownBy(() -> platform.send(
                    new CreateAgent(agentId, ALICE, settings("reporter")), ALICE, "alice"))
                    .isInstanceOf(ReadModelFreshness.ReadModelLagException.class);

            platform.jdbc().sql("ALTER TABLE agent_status_unavailable RENAME TO agent_status").update();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(platform.queryOne(new FindAgent(agentId, ALICE), AgentView.class)).isPresent());
        }
    }

    /** A manual run, and up to three scheduled runs that failed, succeeded or were skipped. */
    private static void recordRuns(RunningPlatform platform, String agentId, int agentNumber) {
        String manualRun = "run-" + agentId + "-manual";
        platform.send(new RequestAgentRun(agentId, ALICE, manualRun), ALICE, "alice");
        if (agentNumber % 4 == 0) {
            return;
        }
        platform.send(new RecordAgentRun(agentId, manualRun, RunTrigger.MANUAL, FIRE, FIRE, FIRE.plusSeconds(30),
                "claude-sonnet", 100, 20, "done", null), "system:scheduler", "system:scheduler");
        for (int fire = 1; fire <= agentNumber % 4; fire++) {
            Instant at = FIRE.plusSeconds(300L * fire);
            String runId = "run-" + agentId + "-" + at.getEpochSecond();
            Object outcome = switch (fire) {
                case 1 -> new RecordAgentFailure(agentId, runId, RunTrigger.SCHEDULE, at, at, at.plusSeconds(9),
                        null, "TIMEOUT", "no answer", 0, 0, null);
                case 2 -> new RecordAgentRunSkipped(agentId, runId, RunTrigger.SCHEDULE, at, "OVERLAP");
                default -> new RecordAgentRun(agentId, runId, RunTrigger.CATCH_UP, at, at, at.plusSeconds(20),
                        "claude-sonnet", 5, 6, "caught up", "t/" + runId);
            };
            platform.send(outcome, "system:scheduler", "system:scheduler");
        }
    }

    private static void createAlice(RunningPlatform platform) {
        platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
    }

    private static String createAgent(RunningPlatform platform, String name) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, settings(name)), ALICE, "alice");
        return agentId;
    }

    private static AgentSettings settings(String name) {
        return new AgentSettings(name, "Summarise the news", ReasoningTier.STANDARD, null,
                new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                // no failure notices, which would append events of their own while a test compares or counts them
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 3).withNotify(NotifyPolicy.NONE);
    }

    /** Every read-model row, in a stable order, without columns that only number rows as they are inserted. */
    private static Map<String, List<Map<String, Object>>> readModels(RunningPlatform platform) {
        Map<String, List<Map<String, Object>>> tables = new java.util.TreeMap<>();
        for (String table : READ_MODEL_TABLES) {
            List<Map<String, Object>> rows = platform.jdbc().sql("SELECT * FROM " + table).query().listOfRows();
            List<Map<String, Object>> comparable = rows.stream()
                    .map(row -> {
                        Map<String, Object> copy = new java.util.TreeMap<>(row);
                        copy.keySet().removeAll(List.of("id", "position"));
                        copy.replaceAll((column, value) -> value == null ? null : String.valueOf(value));
                        return (Map<String, Object>) copy;
                    })
                    .sorted(java.util.Comparator.comparing(Object::toString))
                    .toList();
            tables.put(table, comparable);
        }
        return tables;
    }
}
