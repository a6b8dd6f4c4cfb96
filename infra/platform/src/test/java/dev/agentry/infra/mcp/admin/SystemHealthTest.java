package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;

/** system_health on the whole platform with Temporal's in-memory service, which the last test stops. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemHealthTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;
    private static McpTool<?> systemHealth;

    @BeforeAll
    static void startThePlatformWithTemporal() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true",
                "agentry.temporal.shutdown-timeout=1s");
        systemHealth = platform.beans(McpTool.class).stream().map(tool -> (McpTool<?>) tool)
                .filter(tool -> tool.definition().name().equals("system_health")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopThePlatform() {
        platform.close();
        database.close();
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void withEverythingUpTheStatusIsOkAndEachPartSaysSo() {
        Map<String, Object> health = structured(systemHealth, ToolCalls.call(systemHealth, ADMIN, Map.of()));

        assertThat(health).containsEntry("status", "ok").containsEntry("reasons", List.of())
                .containsEntry("runs_in_progress", 0L);
        assertThat((List<Map<String, Object>>) health.get("nodes")).singleElement()
                .satisfies(node -> assertThat(node).containsEntry("role", "all").containsKeys("node_id", "host", "started_at"));
        assertThat((Map<String, Object>) health.get("temporal")).containsEntry("reachable", true)
                .containsEntry("namespace", "default").containsEntry("task_queue", "agentry-agents")
                // the in-memory service does not implement DescribeTaskQueue
                .containsEntry("pollers", "unknown");
        assertThat((Map<String, Object>) health.get("postgres")).containsEntry("reachable", true)
                .containsEntry("pool_max", 20);
        assertThat((List<Map<String, Object>>) health.get("processors"))
                .filteredOn(processor -> processor.get("name").equals("temporal-sync")).singleElement()
                .satisfies(processor -> assertThat(processor).containsEntry("status", "running")
                        .containsEntry("segments_claimed", 1).doesNotContainKey("last_error"));
        assertThat((Map<String, Object>) health.get("error_rates")).containsKeys("last_15_minutes", "last_hour");
    }

    @Test
    @Order(2)
    void aUserWhoIsNotAnAdminIsRefused() {
        assertThat(errorText(ToolCalls.call(systemHealth, ALICE, Map.of()))).startsWith("permission_denied: ");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void withTemporalStoppedItAnswersWithinASecondThatTemporalIsNotReachable() {
        platform.bean(EmbeddedTemporalService.class).close();

        long started = System.nanoTime();
        Map<String, Object> health = structured(systemHealth, ToolCalls.call(systemHealth, ADMIN, Map.of()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(health).containsEntry("status", "degraded");
        assertThat((List<String>) health.get("reasons")).anySatisfy(reason -> assertThat(reason).startsWith("Temporal is not reachable"));
        assertThat((Map<String, Object>) health.get("temporal")).containsEntry("reachable", false);
        assertThat((Map<String, Object>) health.get("postgres")).containsEntry("reachable", true);
    }
}
