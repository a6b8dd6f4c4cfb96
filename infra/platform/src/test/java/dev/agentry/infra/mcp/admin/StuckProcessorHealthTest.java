package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection whose table refuses a row (a trigger installed by the test, as a broken constraint would in
 * production) stays on that event, retrying, and system_health shows it: how far behind it is, its error, and the
 * platform degraded. Once the table accepts the row the projection catches up without having skipped it.
 */
class StuckProcessorHealthTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final String REFUSAL = "agent_run_owners refuses every new agent";

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static McpTool<?> systemHealth;

    @BeforeAll
    static void startThePlatformWithTemporal() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true",
                "agentry.temporal.shutdown-timeout=1s", "agentry.projections.read-your-writes-timeout=1s");
        systemHealth = platform.beans(McpTool.class).stream().map(tool -> (McpTool<?>) tool)
                .filter(tool -> tool.definition().name().equals("system_health")).findFirst().orElseThrow();
        platform.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), ADMIN.userId(), ADMIN.username());
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProcessorStuckOnAFailingEventShowsItsLagAndErrorUntilItGetsPast() {
        assertThat(health()).containsEntry("status", "ok");
        platform.jdbc().sql("""
                CREATE FUNCTION refuse_new_agents() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '%s'; END $$""".formatted(REFUSAL)).update();
        platform.jdbc().sql("""
                CREATE TRIGGER refuse_new_agents BEFORE INSERT ON agent_run_owners
                FOR EACH ROW EXECUTE FUNCTION refuse_new_agents()""").update();

        String agentId = "agent-" + UUID.randomUUID();
        send(new CreateAgent(agentId, ALICE.userId(), new AgentSettings("stuck", "Wait.", ReasoningTier.STANDARD, null,
                null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)));
        long failingEvent = head();
        send(new StartAgent(agentId, ALICE.userId()));
        send(new StopAgent(agentId, ALICE.userId()));
        long eventsFromTheFailingOne = platform.jdbc()
                .sql("SELECT COUNT(*) FROM domain_event_entry WHERE global_index >= ?").param(failingEvent)
                .query(Long.class).single();

        Map<String, Object> stuck = await().atMost(Duration.ofSeconds(30)).until(StuckProcessorHealthTest::health,
                health -> runHistory(health).get("status").equals("error"));

        assertThat(eventsFromTheFailingOne).isEqualTo(3);
        assertThat(runHistory(stuck)).containsEntry("lag", eventsFromTheFailingOne)
                .containsEntry("position", failingEvent - 1)
                .satisfies(processor -> assertThat((String) processor.get("last_error")).contains(REFUSAL)
                        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n"));
        assertThat(stuck).containsEntry("status", "degraded");
        assertThat((List<String>) stuck.get("reasons")).singleElement().asString()
                .startsWith("event processor run-history is failing: ").contains(REFUSAL);
        assertThat(((List<Map<String, Object>>) stuck.get("processors")))
                .filteredOn(processor -> processor.get("name").equals("agent-status")).singleElement()
                .satisfies(processor -> assertThat(processor).containsEntry("status", "running").containsEntry("lag", 0L));

        platform.jdbc().sql("DROP TRIGGER refuse_new_agents ON agent_run_owners").update();

        Map<String, Object> recovered = await().atMost(Duration.ofSeconds(90)).until(StuckProcessorHealthTest::health,
                health -> health.get("status").equals("ok"));
        assertThat(runHistory(recovered)).containsEntry("status", "running").containsEntry("lag", 0L)
                .doesNotContainKey("last_error");
        assertThat(platform.jdbc().sql("SELECT owner_id FROM agent_run_owners WHERE agent_id = ?").param(agentId)
                .query(String.class).single()).as("the refused event was retried, not skipped").isEqualTo(ALICE.userId());
    }

    private static Map<String, Object> health() {
        return structured(systemHealth, ToolCalls.call(systemHealth, ADMIN, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runHistory(Map<String, Object> health) {
        return ((List<Map<String, Object>>) health.get("processors")).stream()
                .filter(processor -> processor.get("name").equals("run-history")).findFirst().orElseThrow();
    }

    /** Straight to the aggregate: waiting for the read models would wait for the stuck one. */
    private static void send(Object command) {
        platform.bean(CommandGateway.class).sendAndWait(MessageMetadata.sentBy(command, ALICE.userId(), ALICE.username()));
    }

    private static long head() {
        return platform.jdbc().sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).single();
    }
}
