package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as several nodes on one PostgreSQL database and one Temporal ({@code temporal-dev}), as
 * Kubernetes runs it: both nodes serve every tool (driven by the TypeScript client); a node killed in the
 * middle of a run leaves the run to the other; a rolling deploy (a new node beside the old, then SIGTERM to
 * the old) loses no tool call; and an every-minute agent fires exactly once per fire time throughout.
 */
class SeveralNodesIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String MODEL = "qwen2.5-32b-instruct";
    private static final String SLACK_TOKEN = "xoxb-nodes-" + UUID.randomUUID();
    private static final Duration UNTIL_THE_RUN_COMPLETES = Duration.ofSeconds(150);
    /** the fire times observed span the kill and the rolling deploy, and at least three minutes */
    private static final int FIRE_TIMES = 3;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void twoNodesServeEveryToolFireOncePerFireTimeAndSurviveAKillAndARollingDeploy() throws Exception {
        Path log = OUTPUT.resolve("several-nodes-platform.log");
        try (TemporalDevProcess temporal = TemporalDevProcess.start(OUTPUT.resolve("several-nodes-temporal-dev.log"));
             ToolThenAnswerServer llm = ToolThenAnswerServer.holdingTheFirstToolResult();
             LocalSlackServer slack = LocalSlackServer.start();
             PostgresTestDatabase database = PostgresTestDatabase.create()) {
            slack.workspace(SLACK_TOKEN, "T0NODES", "Nodes Corp", "U0NODESBOT")
                    .user("U01ADA", "ada", "Ada Lovelace", "ada@e2e.test")
                    .channel("C01GEN", "general", false, true);
            // one transcript folder for all nodes stands in for the bucket production shares
            String[] properties = llm.platformArguments(MODEL, "--agentry.temporal.target=" + temporal.target(),
                    "--agentry.projections.segments=2", "--axon.eventhandling.tokenstore.claim-timeout=5s",
                    "--agentry.projections.claim-interval=1s", "--agentry.slack.base-url=" + slack.baseUrl());
            CompletableFuture<PlatformProcess> startingFirst = CompletableFuture.supplyAsync(() ->
                    PlatformProcess.start(database, home, ADMIN_TOKEN, log, properties));
            PlatformProcess second = PlatformProcess.start(database, home, ADMIN_TOKEN, log, properties);
            PlatformProcess first = startingFirst.get(3, TimeUnit.MINUTES);
            PlatformProcess third = null;
            try (JavaMcpClient onSecond = JavaMcpClient.connect(second, ADMIN_TOKEN)) {
                // a run in flight when its node dies: the LLM holds the call that carries the tool result
                String clock = onSecond.call("create_agent", Map.of("name", "clock", "instructions", "Tell the time in Berlin.",
                        "tools", List.of("current_time"))).get("agent_id").toString();
                String heldRun;
                try (JavaMcpClient onFirst = JavaMcpClient.connect(first, ADMIN_TOKEN)) {
                    heldRun = onFirst.call("run_agent_now", Map.of("agent_id", clock)).get("run_id").toString();
                }
                assertThat(llm.awaitHeldRequest(Duration.ofSeconds(90))).as("the run reaches its second LLM call").isTrue();
                // every-minute agents, whose runs the LLM answers at once, fire throughout the kill, the second client and
                // the rolling deploy
                List<String> everyMinute = new ArrayList<>();
                for (int agent = 0; agent < 2; agent++) {
                    String agentId = onSecond.call("create_agent", Map.of("name", "every minute " + agent,
                            "instructions", "Tell the time.", "schedule", Map.of("cron", "* * * * *"))).get("agent_id").toString();
                    onSecond.call("start_agent", Map.of("agent_id", agentId));
                    everyMinute.add(agentId);
                }
                Instant scheduled = Instant.now();
                first.kill();
                llm.release();
                awaitOutcome(onSecond, clock, heldRun, second);
                assertThat(outcomeOf(onSecond, clock, heldRun)).isEqualTo("SUCCEEDED");

                NodeMcpClient.Outcome tools = NodeMcpClient.installed().against(second, ADMIN_TOKEN, database)
                        .withEnvironment("AGENTRY_E2E_SLACK_TOKEN", SLACK_TOKEN)
                        .runScenario(OUTPUT.resolve("several-nodes-node.log"), "several-nodes.mjs",
                                (third = PlatformProcess.start(database, home, ADMIN_TOKEN, log, properties)).mcpUrl(),
                                heldRun, ADMIN_TOKEN);
                assertThat(tools.succeeded()).as("the TypeScript client on two nodes\n%s", tools.output()).isTrue();
                assertThat(slack.messages()).extracting(LocalSlackServer.Message::text).as("posted once per call, on both nodes")
                        .containsExactlyInAnyOrder("hello from node 0", "hi ada from node 0", "hello from node 0",
                                "hi ada from node 0", "hello from node 1", "hi ada from node 1", "hello from node 1",
                                "hi ada from node 1");

                // rolling deploy: the new node runs beside the old one, then the old one gets SIGTERM while calls go on
                try (JavaMcpClient onThird = JavaMcpClient.connect(third, ADMIN_TOKEN)) {
                    CompletableFuture<Void> stopping = CompletableFuture.runAsync(second::close);
                    int calls = 0;
                    while (!stopping.isDone()) {
                        onThird.call("get_agent", Map.of("agent_id", everyMinute.get(0)));
                        onThird.call("update_agent", Map.of("agent_id", clock, "name", "clock " + calls++));
                    }
                    stopping.get();
                    assertThat(calls).as("tool calls answered on the new node while the old one stopped").isPositive();

                    await().atMost(Duration.ofMinutes(FIRE_TIMES + 2)).pollInterval(Duration.ofSeconds(5))
                            .until(() -> everyMinute.stream().allMatch(agentId ->
                                    scheduledRuns(onThird, agentId, scheduled).size() >= FIRE_TIMES));
                    for (String agentId : everyMinute) {
                        onThird.call("stop_agent", Map.of("agent_id", agentId));
                    }
                    for (String agentId : everyMinute) {
                        List<Instant> fireTimes = scheduledRuns(onThird, agentId, scheduled);
                        assertThat(fireTimes).as("one run per fire time, none lost between the first and the last")
                                .doesNotHaveDuplicates()
                                .hasSize((int) Duration.between(fireTimes.get(fireTimes.size() - 1), fireTimes.get(0)).toMinutes() + 1);
                        awaitOutcomesRecorded(onThird, agentId, third);
                        assertThat(outcomeEventsPerRun(database, agentId)).as("each run has exactly one outcome event")
                                .allSatisfy((runId, events) -> assertThat(events).as(runId).isEqualTo(1));
                    }
                }
                assertThat(outcomeEventsPerRun(database, clock)).containsEntry(heldRun, 1L);
                assertThat(eventCount(database, clock, "AgentRan")).isEqualTo(1);
            } finally {
                first.close();
                second.close();
                if (third != null) {
                    third.close();
                }
            }
        }
    }

    /** Fire times of the agent's scheduled runs since the schedule started, newest first. */
    private static List<Instant> scheduledRuns(JavaMcpClient client, String agentId, Instant since) {
        return client.runs(agentId).stream()
                .filter(run -> "SCHEDULE".equals(run.get("trigger")))
                .map(run -> Instant.parse(run.get("started_at").toString()))
                .filter(fireTime -> !fireTime.isBefore(since.minusSeconds(60)))
                .toList();
    }

    private static void awaitOutcome(JavaMcpClient client, String agentId, String runId, PlatformProcess node) {
        try {
            await().atMost(UNTIL_THE_RUN_COMPLETES).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !"RUNNING".equals(outcomeOf(client, agentId, runId)));
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("run " + runId + " did not end: " + client.runs(agentId) + "\n" + node.logTail(), timeout);
        }
    }

    private static void awaitOutcomesRecorded(JavaMcpClient client, String agentId, PlatformProcess node) {
        await().atMost(UNTIL_THE_RUN_COMPLETES).pollInterval(Duration.ofSeconds(2))
                .until(() -> client.runs(agentId).stream().noneMatch(run -> "RUNNING".equals(run.get("outcome"))));
    }

    private static String outcomeOf(JavaMcpClient client, String agentId, String runId) {
        return client.runs(agentId).stream().filter(run -> runId.equals(run.get("run_id")))
                .map(run -> run.get("outcome").toString()).findFirst().orElse("RUNNING");
    }

    /** Per run id of the agent, how many AgentRan, AgentFailed and AgentRunSkipped events the store holds. */
    private static Map<String, Long> outcomeEventsPerRun(PostgresTestDatabase database, String agentId) throws SQLException {
        Map<String, Long> perRun = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::json->>'runId' AS run_id, COUNT(*) AS events
                     FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type IN
                       ('dev.agentry.command.api.AgentRan', 'dev.agentry.command.api.AgentFailed',
                        'dev.agentry.command.api.AgentRunSkipped')
                     GROUP BY 1""")) {
            query.setString(1, agentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    perRun.put(rows.getString("run_id"), rows.getLong("events"));
                }
            }
        }
        return perRun;
    }

    private static long eventCount(PostgresTestDatabase database, String agentId, String type) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")) {
            count.setString(1, agentId);
            count.setString(2, "dev.agentry.command.api." + type);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
