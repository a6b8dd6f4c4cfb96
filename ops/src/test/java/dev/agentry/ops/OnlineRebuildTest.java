package dev.agentry.ops;

import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import dev.agentry.query.api.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code agentry projections rebuild --online} while one or two nodes serve MCP on the same database: {@code get_agent}
 * answers correctly before, during and after the switch, agents created during the rebuild are neither lost nor
 * doubled, a row the events do not give is mended, and the rebuild itself appends no event.
 */
class OnlineRebuildTest {

    private static final String ADMIN_TOKEN = "agt_online_rebuild_test_admin_token_01";
    private static final int AGENTS = 12;
    private static final int RUNS = 150;

    @TempDir
    Path home;

    private PostgresTestDatabase database;
    /** the nodes serving MCP; the first takes the writes, the last the reads */
    private List<RunningPlatform> nodes = List.of();
    private JdbcClient jdbc;

    /** agent id -> the name get_agent must show */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    record Answer(long at, String agentId, String text, boolean error) {
    }

    @BeforeEach
    void createTheDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void stopTheNodes() {
        for (int node = nodes.size() - 1; node >= 0; node--) {
            nodes.get(node).close();
        }
        database.close();
    }

    @Test
    void rebuildsWhileOneNodeAnswersGetAgentAndHandsOverWithoutLosingOrDoublingAnEvent() throws Exception {
        nodes = List.of(RunningPlatform.serving(database, home.resolve("node"), "agentry.admin-token=" + ADMIN_TOKEN));

        rebuildsWhileTheNodesAnswerGetAgentAndHandsOverWithoutLosingOrDoublingAnEvent();
    }

    /**
     * Two nodes whose processors each hold one of every read model's two segments, as a cluster configured for
     * two segments runs; the operator's command line is not told how many segments the store has.
     */
    @Test
    void rebuildsWhileTwoNodesShareEveryReadModelsSegmentsAndHandsOverToBoth() throws Exception {
        RunningPlatform first = RunningPlatform.serving(database, home.resolve("first"),
                "agentry.admin-token=" + ADMIN_TOKEN, "agentry.projections.segments=2",
                "agentry.projections.claim-interval=200ms");
        RunningPlatform second = RunningPlatform.serving(database, home.resolve("second"),
                "agentry.admin-token=" + ADMIN_TOKEN, "agentry.projections.segments=2",
                "agentry.projections.claim-interval=200ms");
        nodes = List.of(first, second);
        first.shareSegmentsWith(second);

        rebuildsWhileTheNodesAnswerGetAgentAndHandsOverWithoutLosingOrDoublingAnEvent();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM token_entry WHERE processor_name = ANY (?) AND owner IS NOT NULL")
                .param(ReadModel.TABLES.keySet().toArray(String[]::new)).query(Long.class).single())
                .as("both segments of every read model are held again").isEqualTo(2L * ReadModel.TABLES.size()));
    }

    private void rebuildsWhileTheNodesAnswerGetAgentAndHandsOverWithoutLosingOrDoublingAnEvent() throws Exception {
        RunningPlatform writes = nodes.get(0);
        RunningPlatform reads = nodes.get(nodes.size() - 1);
        jdbc = writes.jdbc();
        String busyAgent;
        try (McpSyncClient client = connect(writes)) {
            for (int agent = 0; agent < AGENTS; agent++) {
                create(client, "agent " + agent);
            }
            busyAgent = names.keySet().iterator().next();
        }
        writes.send(new StartAgent(busyAgent, "user-admin"), "user-admin", "admin");
        Instant fire = Instant.parse("2026-01-01T09:00:00Z");
        CommandGateway commands = writes.bean(CommandGateway.class);
        for (int run = 0; run < RUNS; run++) {
            Instant at = fire.plus(Duration.ofHours(run));
            commands.sendAndWait(MessageMetadata.sentBy(new RecordAgentRun(busyAgent, "run-" + run, RunTrigger.SCHEDULE,
                    at, at, at.plusSeconds(2), "m", 5, 7, "done " + run, null), "user-admin", "admin"));
        }
        writes.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        String tampered = names.keySet().stream().filter(id -> !id.equals(busyAgent)).findFirst().orElseThrow();
        jdbc.sql("UPDATE agent_status SET name = 'tampered' WHERE agent_id = ?").param(tampered).update();
        long eventsBefore = writes.eventCount();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<String> createdDuring = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> reader = clients.submit(() -> {
            try (McpSyncClient client = connect(reads)) {
                List<String> agents = new ArrayList<>(names.keySet());
                for (int call = 0; rebuilding.get(); call++) {
                    String agentId = agents.get(call % agents.size());
                    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_agent",
                            Map.of("agent_id", agentId)));
                    boolean error = Boolean.TRUE.equals(result.isError());
                    answers.add(new Answer(System.nanoTime(), agentId, error
                            ? ((McpSchema.TextContent) result.content().get(0)).text()
                            : String.valueOf(((Map<?, ?>) result.structuredContent()).get("name")), error));
                    Thread.sleep(5);
                }
            }
            return null;
        });
        Future<?> writer = clients.submit(() -> {
            try (McpSyncClient client = connect(writes)) {
                for (int agent = 0; rebuilding.get(); agent++) {
                    createdDuring.add(create(client, "made during the rebuild " + agent));
                    Thread.sleep(100);
                }
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= 10 && !createdDuring.isEmpty());

        long rebuildStarted = System.nanoTime();
        CommandLineRun outcome = agentry("projections", "rebuild", "--online", "--timeout=PT2M");
        long rebuildEnded = System.nanoTime();
        // the reader goes round every agent, so it reads the tampered one again after the switch
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().filter(answer -> answer.at() > rebuildEnded).count() >= 10
                && answers.stream().anyMatch(answer -> answer.at() > rebuildEnded && answer.agentId().equals(tampered)));
        rebuilding.set(false);
        reader.get();
        writer.get();
        clients.shutdown();

        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out()).contains("Rebuilt read models: ").contains("agent-status").contains("run-history")
                .contains("Switched the platform to the rebuilt read models");
        assertThat(answers).as("get_agent answers, all correct").allSatisfy(answer -> {
            assertThat(answer.error()).as(answer.text()).isFalse();
            if (answer.agentId().equals(tampered)) {
                assertThat(answer.text()).isIn("tampered", names.get(tampered));
            } else {
                assertThat(answer.text()).isEqualTo(names.get(answer.agentId()));
            }
        });
        assertThat(answers).as("get_agent answered while the rebuild ran")
                .filteredOn(answer -> answer.at() > rebuildStarted && answer.at() < rebuildEnded).hasSizeGreaterThan(10);
        assertThat(answers).as("after the switch the tampered row is mended")
                .filteredOn(answer -> answer.at() > rebuildEnded && answer.agentId().equals(tampered))
                .isNotEmpty().allSatisfy(answer -> assertThat(answer.text()).isEqualTo(names.get(tampered)));
        assertThat(createdDuring).as("agents created while the rebuild ran").hasSizeGreaterThan(3);

        long eventsOfAgentsCreatedDuring = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (:ids)")
                .param("ids", createdDuring).query(Long.class).single();
        assertThat(writes.eventCount()).as("events appended by the rebuild").isEqualTo(eventsBefore + eventsOfAgentsCreatedDuring);
        try (McpSyncClient client = connect(writes)) {
            assertThat(names).containsKey(create(client, "made after the rebuild"));
        }
        for (RunningPlatform node : nodes) {
            try (McpSyncClient client = connect(node)) {
                for (String agentId : names.keySet()) {
                    // a node other than the writer's may read a moment later than the write
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_agent",
                                Map.of("agent_id", agentId)));
                        assertThat(result.isError()).as(agentId + " " + result.content()).isNotEqualTo(Boolean.TRUE);
                        assertThat(((Map<?, ?>) result.structuredContent()).get("name")).isEqualTo(names.get(agentId));
                    });
                }
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT count(*) FROM agent_status").query(Long.class).single())
                    .as("one row per agent, none doubled").isEqualTo(names.size());
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE agent_id IN (:ids) AND type = 'AgentCreated'")
                    .param("ids", createdDuring).query(Long.class).single())
                    .as("the audit trail holds each agent created during the rebuild once").isEqualTo(createdDuring.size());
        });
        assertThat(jdbc.sql("SELECT count(*) FROM agent_runs WHERE agent_id = ?").param(busyAgent).query(Long.class).single())
                .isEqualTo(RUNS);
        // a processor claims its segments again at its next claim interval
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM token_entry WHERE owner IS NULL").query(Long.class).single())
                .as("the platform's processors hold their segments again").isZero());
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'agentry_rebuild%'")
                .query(Long.class).single()).as("the shadow and the replaced tables are dropped").isZero();
    }

    @Test
    void onlineCannotBeCombinedWithVerify() {
        nodes = List.of();
        CommandLineRun outcome = agentry("projections", "rebuild", "--online", "--verify");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("cannot be combined with --online");
    }

    private String create(McpSyncClient client, String name) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("create_agent",
                Map.of("name", name, "instructions", "Say hello.")));
        assertThat(result.isError()).as(String.valueOf(result.content())).isNotEqualTo(Boolean.TRUE);
        String agentId = String.valueOf(((Map<?, ?>) result.structuredContent()).get("agent_id"));
        names.put(agentId, name);
        return agentId;
    }

    private static McpSyncClient connect(RunningPlatform node) {
        URI mcp = URI.create(node.mcpUrl());
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(mcp.getScheme() + "://" + mcp.getAuthority())
                        .endpoint(mcp.getPath())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + ADMIN_TOKEN))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }


    private CommandLineRun agentry(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER, "--agentry.home=" + home.resolve("operator")));
        return CommandLineRun.of(all.toArray(String[]::new));
    }
}
