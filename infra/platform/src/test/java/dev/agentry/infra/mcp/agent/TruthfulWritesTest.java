package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change that was stored answers success on any node, whichever node's processors hold the read
 * models' segments, and a create retried with the same request id appends nothing.
 */
class TruthfulWritesTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform first;
    private static RunningPlatform second;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        database = PostgresTestDatabase.create();
        first = RunningPlatform.start(database, home.resolve("first"), "agentry.projections.segments=2");
        second = RunningPlatform.start(database, home.resolve("second"), "agentry.projections.segments=2");
        first.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
        database.close();
    }

    @Test
    void aWriteOnEitherNodeAnswersTheStoredAgentAndTheOtherNodeReadsIt() {
        for (RunningPlatform writer : List.of(first, second)) {
            RunningPlatform reader = writer == first ? second : first;
            Map<String, Object> created = structured(tool(writer, "create_agent"), ToolCalls.call(tool(writer, "create_agent"),
                    ALICE, Map.of("name", "digest", "instructions", "Summarise.")));
            String agentId = (String) created.get("agent_id");
            assertThat(created).containsEntry("name", "digest").containsEntry("status", "STOPPED");

            Map<String, Object> started = structured(tool(writer, "start_agent"),
                    ToolCalls.call(tool(writer, "start_agent"), ALICE, Map.of("agent_id", agentId)));
            assertThat(started).containsEntry("status", "RUNNING");

            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(structured(tool(reader, "get_agent"),
                    ToolCalls.call(tool(reader, "get_agent"), ALICE, Map.of("agent_id", agentId))))
                    .containsEntry("status", "RUNNING").containsEntry("name", "digest"));
        }
    }

    @Test
    void aCreateRetriedWithTheSameRequestIdReturnsTheSameAgentAndAppendsNothing() {
        Map<String, Object> arguments = Map.of("name", "nightly", "instructions", "Report.", "request_id", "req-42");
        Map<String, Object> created = structured(tool(first, "create_agent"),
                ToolCalls.call(tool(first, "create_agent"), ALICE, arguments));
        long events = first.eventCount();

        Map<String, Object> retried = structured(tool(second, "create_agent"),
                ToolCalls.call(tool(second, "create_agent"), ALICE, arguments));

        assertThat(retried).isEqualTo(created);
        assertThat(first.eventCount()).isEqualTo(events);
        Map<String, Object> another = structured(tool(first, "create_agent"), ToolCalls.call(tool(first, "create_agent"),
                ALICE, Map.of("name", "nightly", "instructions", "Report.", "request_id", "req-43")));
        assertThat(another.get("agent_id")).isNotEqualTo(created.get("agent_id"));
    }

    @Test
    void aStoredChangeAnswersSuccessFromItsOwnOutcomeWhileTheReadModelsAreBehind() {
        try (RunningPlatform lagging = RunningPlatform.start(database, home.resolve("lagging"),
                "agentry.projections.read-your-writes-timeout=300ms")) {
            Map<String, Object> before = structured(tool(lagging, "create_agent"), ToolCalls.call(tool(lagging, "create_agent"),
                    ALICE, Map.of("name", "before", "instructions", "x")));
            List<StreamingEventProcessor> readModels = readModelProcessors(first, second, lagging);
            readModels.forEach(StreamingEventProcessor::shutDown);
            try {
                long events = lagging.eventCount();
                Map<String, Object> created = structured(tool(lagging, "create_agent"), ToolCalls.call(
                        tool(lagging, "create_agent"), ALICE, Map.of("name", "while behind", "instructions", "Report.",
                                "tier", "basic")));
                assertThat(created).containsEntry("name", "while behind").containsEntry("tier", "basic")
                        .containsEntry("status", "STOPPED").containsEntry("owner", "alice");

                Map<String, Object> updated = structured(tool(lagging, "update_agent"), ToolCalls.call(
                        tool(lagging, "update_agent"), ALICE, Map.of("agent_id", before.get("agent_id"), "name", "renamed")));
                assertThat(updated).containsEntry("name", "renamed").containsEntry("instructions", "x");
                Map<String, Object> started = structured(tool(lagging, "start_agent"), ToolCalls.call(
                        tool(lagging, "start_agent"), ALICE, Map.of("agent_id", before.get("agent_id"))));
                assertThat(started).containsEntry("status", "RUNNING");
                assertThat(lagging.eventCount()).isEqualTo(events + 3);
            } finally {
                readModels.forEach(StreamingEventProcessor::start);
            }
        }
    }

    private static List<StreamingEventProcessor> readModelProcessors(RunningPlatform... platforms) {
        return java.util.Arrays.stream(platforms)
                .flatMap(platform -> platform.bean(EventProcessingConfiguration.class).eventProcessors().values().stream())
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> !processor.getName().equals("temporal-sync"))
                .toList();
    }

    private static McpTool<?> tool(RunningPlatform platform, String name) {
        return platform.beans(McpTool.class).stream().filter(tool -> tool.definition().name().equals(name))
                .findFirst().orElseThrow();
    }
}
