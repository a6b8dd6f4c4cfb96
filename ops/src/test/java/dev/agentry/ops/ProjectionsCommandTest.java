package dev.agentry.ops;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code agentry projections rebuild} against a store that a platform, now stopped, filled and whose running
 * agent has a schedule in Temporal: the rebuild appends no event, leaves Temporal as it was, reports its
 * progress, rebuilds only what it is asked to and, with --verify, lists what it changed.
 */
class ProjectionsCommandTest {

    private static final String ALICE = "user-alice";

    @TempDir
    static Path platformHome;
    @TempDir
    static Path operatorHome;

    private static EmbeddedTemporalService temporal;
    private static PostgresTestDatabase database;
    private static JdbcClient jdbc;
    private static String runningAgent;
    private static String idleAgent;


    @BeforeAll
    static void fillTheStoreAndStopThePlatform() {
        temporal = EmbeddedTemporalService.start(0);
        database = PostgresTestDatabase.create();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), PostgresTestDatabase.USER, ""));
        try (RunningPlatform platform = RunningPlatform.start(database, platformHome,
                "agentry.temporal.enabled=true", "agentry.temporal.target=" + temporal.target())) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            runningAgent = createAgent(platform, "morning digest");
            idleAgent = createAgent(platform, "idle helper");
            platform.send(new StartAgent(runningAgent, ALICE), ALICE, "alice");
            Instant fire = Instant.parse("2026-01-01T09:00:00Z");
            for (int run = 0; run < 30; run++) {
                Instant at = fire.plus(Duration.ofDays(run));
                platform.send(new RecordAgentRun(runningAgent, "run-" + run, RunTrigger.SCHEDULE, at, at,
                        at.plusSeconds(2), "m", 5, 7, "done " + run, null), ALICE, "alice");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> schedule(runningAgent) != null);
        }
    }

    @AfterAll
    static void closeEverything() {
        database.close();
        temporal.close();
    }

    @Test
    void aRebuildAppendsNoEventLeavesTemporalAsItWasAndReportsItsProgress() {
        long events = eventCount();
        WorkflowExecutionInfo scheduleBefore = schedule(runningAgent);
        String runsBefore = readModelRows("agent_runs");

        CommandLineRun outcome = agentry("projections", "rebuild");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(eventCount()).as("events appended by the rebuild").isEqualTo(events);
        WorkflowExecutionInfo scheduleAfter = schedule(runningAgent);
        assertThat(scheduleAfter.getExecution().getRunId()).isEqualTo(scheduleBefore.getExecution().getRunId());
        assertThat(scheduleAfter.getHistoryLength()).as("the schedule's history").isEqualTo(scheduleBefore.getHistoryLength());
        assertThat(schedule(idleAgent)).as("no schedule started for a stopped agent").isNull();
        long highest = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        assertThat(outcome.out())
                .contains("Replayed %,d / %,d events".formatted(highest, highest)).contains("done in")
                .contains("Rebuilt read models: ").contains("agent-status").contains("run-history");
        assertThat(readModelRows("agent_runs")).isEqualTo(runsBefore);
        // replayed by one shared processor, whose position each read model's own processor continues from
        assertThat(jdbc.sql("""
                        SELECT processor_name || ' ' || (convert_from(token, 'UTF8')::jsonb ->> 'index') || ' '
                            || COALESCE(owner, 'unowned') FROM token_entry
                        WHERE processor_name IN ('agent-status', 'audit-trail', 'identity', 'model-catalogue', 'run-history')
                        ORDER BY 1""").query(String.class).list())
                .containsExactly("agent-status " + highest + " unowned", "audit-trail " + highest + " unowned",
                        "identity " + highest + " unowned", "model-catalogue " + highest + " unowned",
                        "run-history " + highest + " unowned");
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = 'read-model-rebuild'")
                .query(Long.class).single()).as("the shared processor's tokens are removed").isZero();
    }

    @Test
    void verifyListsARowTheEventsDoNotGiveAndTheRebuildMendsIt() {
        jdbc.sql("UPDATE agent_status SET name = 'tampered' WHERE agent_id = ?").param(idleAgent).update();

        CommandLineRun outcome = agentry("projections", "rebuild", "--verify");

        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isEqualTo(1);
        assertThat(outcome.out()).contains("Differs: agent_status: 1 rows only before the rebuild, 1 rows only after");
        assertThat(lineStarting(outcome.out(), "  before: ")).contains(idleAgent).contains("\"name\": \"tampered\"");
        assertThat(lineStarting(outcome.out(), "  after:  ")).contains(idleAgent).contains("\"name\": \"idle helper\"");
        assertThat(outcome.out()).doesNotContain("Differs: agent_runs").doesNotContain("Differs: audit_log");
        assertThat(agentName(idleAgent)).isEqualTo("idle helper");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'agentry_verify_%'")
                .query(Long.class).single()).as("the copy made for the comparison is dropped").isZero();

        CommandLineRun again = agentry("projections", "rebuild", "--verify");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Verified: the rebuilt read models hold exactly what they held before.");
    }

    @Test
    void onlyRebuildsTheNamedReadModels() {
        jdbc.sql("UPDATE agent_status SET name = 'left alone' WHERE agent_id = ?").param(runningAgent).update();
        try {
            CommandLineRun outcome = agentry("projections", "rebuild", "--only", "run-history,identity", "--verify");

            assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
            assertThat(outcome.out()).contains("Rebuilt read models: ").doesNotContain("agent-status");
            assertThat(lineStarting(outcome.out(), "Rebuilt read models: ")).contains("run-history").contains("identity");
            assertThat(agentName(runningAgent)).as("agent-status was not rebuilt").isEqualTo("left alone");
        } finally {
            agentry("projections", "rebuild", "--only", "agent-status");
        }
        assertThat(agentName(runningAgent)).isEqualTo("morning digest");
    }

    @Test
    void aRebuildWhileANodeServesIsRefusedAndChangesNothing() {
        try (RunningPlatform platform = RunningPlatform.start(database, platformHome)) {
            String tokensBefore = tokens();
            String statusBefore = readModelRows("agent_status");

            CommandLineRun outcome = agentry("projections", "rebuild", "--timeout", "PT3S");

            assertThat(outcome.exitCode()).as(outcome.out()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("Rebuild failed: read model 'agent-status' could not claim its segments")
                    .contains("stop every node first").doesNotContain("Exception");
            assertThat(tokens()).as("the node's tokens and claims").isEqualTo(tokensBefore);
            assertThat(readModelRows("agent_status")).isEqualTo(statusBefore);
            assertThat(agentName(runningAgent)).isEqualTo("morning digest");
        }
    }

    @Test
    void anUnknownReadModelIsRefusedNamingTheReadModelsAndNothingIsRebuilt() {
        jdbc.sql("UPDATE agent_status SET name = 'still tampered' WHERE agent_id = ?").param(idleAgent).update();
        try {
            CommandLineRun outcome = agentry("projections", "rebuild", "--only", "agents");

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("Not a read model: agents. The read models are agent-status, audit-trail,"
                    + " identity, model-catalogue, run-history." + System.lineSeparator());
            assertThat(agentName(idleAgent)).isEqualTo("still tampered");
        } finally {
            agentry("projections", "rebuild", "--only", "agent-status");
        }
    }

    private static String createAgent(RunningPlatform platform, String name) {
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, new AgentSettings(name, "Summarise the news",
                ReasoningTier.STANDARD, null, new Schedule("0 9 1 1 *", "UTC"), List.of(), OverlapPolicy.SKIP,
                CatchUpPolicy.SKIP, null)), ALICE, "alice");
        return agentId;
    }

    private static long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static String agentName(String agentId) {
        return jdbc.sql("SELECT name FROM agent_status WHERE agent_id = ?").param(agentId).query(String.class).single();
    }

    private static String readModelRows(String table) {
        return String.join("\n", jdbc.sql("SELECT (to_jsonb(t) - 'id')::text FROM " + table + " t ORDER BY 1")
                .query(String.class).list());
    }

    private static String tokens() {
        return String.join("\n", jdbc.sql("""
                SELECT processor_name || ' ' || segment || ' ' || convert_from(token, 'UTF8') || ' ' || COALESCE(owner, '-')
                FROM token_entry ORDER BY 1""").query(String.class).list());
    }

    private static String lineStarting(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
    }

    /** The agent's schedule workflow as Temporal describes it, or null when there is none. */
    private static WorkflowExecutionInfo schedule(String agentId) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporal.target()).build());
        try {
            return WorkflowClient.newInstance(stubs).newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId))
                    .describe().getRawDescription().getWorkflowExecutionInfo();
        } catch (WorkflowNotFoundException notFound) {
            return null;
        } finally {
            stubs.shutdownNow();
        }
    }

    private static CommandLineRun agentry(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--agentry.home=" + operatorHome));
        return CommandLineRun.of(all.toArray(String[]::new));
    }
}
