package dev.agentry.infra.telemetry;

import dev.agentry.command.api.AgentSettings;
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
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The platform's operational metrics as a collector receives them over OTLP/HTTP: reconciliation's repairs by
 * kind, the JVM's memory and threads, and the PostgreSQL connection pool.
 */
class PlatformMetricsTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final String ALICE = "user-alice";

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static OtlpReceiver collector;
    private static RunningPlatform platform;

    @BeforeAll
    static void startThePlatformExportingToTheReceiver() {
        database = PostgresTestDatabase.create();
        collector = OtlpReceiver.start();
        platform = RunningPlatform.start(database, home,
                "agentry.temporal.enabled=true",
                "agentry.temporal.shutdown-timeout=1s",
                "otel.exporter.otlp.endpoint=" + collector.endpoint(),
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.traces.exporter=none",
                "otel.metric.export.interval=300");
        platform.send(new CreateUser(ALICE, "alice", Role.USER), ADMIN.userId(), ADMIN.username());
    }

    @AfterAll
    static void stopEverything() {
        if (platform != null) {
            platform.close();
        }
        collector.close();
        database.close();
    }

    @Test
    void aRepairedOrphanIsCountedWithItsKindAndADryRunCountsNothing() {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, ALICE, new AgentSettings("yearly", "Once a year.", ReasoningTier.STANDARD,
                null, new Schedule("0 9 1 1 *", "UTC"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)),
                ALICE, "alice");
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        WorkflowStub schedule = platform.bean(WorkflowClient.class)
                .newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> platform.bean(WorkflowClient.class)
                .fetchHistory(AgentScheduleWorkflow.workflowIdFor(agentId)).getHistory().getEventsCount() > 0);
        schedule.terminate("lost behind the platform's back");

        Map<String, Object> dryRun = reconcile(true);
        Map<String, Object> repair = reconcile(false);

        assertThat(dryRun.get("orphans")).isEqualTo(List.of(agentId));
        assertThat(repair.get("repaired")).isEqualTo(List.of(agentId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latest("agentry.reconciliation.repairs"))
                .isNotNull());
        Metric repairs = latest("agentry.reconciliation.repairs");
        assertThat(repairs.getSum().getIsMonotonic()).isTrue();
        assertThat(repairs.getSum().getDataPointsList())
                .extracting(point -> OtlpReceiver.attributes(point.getAttributesList()), NumberDataPoint::getAsInt)
                .containsExactly(tuple(
                        Map.of("agentry.reconciliation.repair.kind", "orphan_restored"), 1L));
    }

    @Test
    void theJvmsMemoryAndThreadsAreMeasured() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latest("jvm.thread.count")).isNotNull());

        long heapUsed = latest("jvm.memory.used").getSum().getDataPointsList().stream()
                .filter(point -> "heap".equals(OtlpReceiver.attributes(point.getAttributesList()).get("jvm.memory.type")))
                .mapToLong(NumberDataPoint::getAsInt).sum();
        long threads = latest("jvm.thread.count").getSum().getDataPointsList().stream()
                .mapToLong(NumberDataPoint::getAsInt).sum();
        Runtime runtime = Runtime.getRuntime();
        assertThat(heapUsed).isPositive().isLessThanOrEqualTo(runtime.maxMemory());
        // this JVM runs the platform: its Axon, Temporal and HTTP threads, far more than a handful
        assertThat(threads).isGreaterThan(10).isLessThanOrEqualTo(Thread.getAllStackTraces().size() + 50L);
        assertThat(collector.metrics()).extracting(Metric::getName).contains("jvm.gc.duration", "jvm.class.loaded",
                "jvm.cpu.time");
    }

    @Test
    void theConnectionPoolIsMeasuredByState() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latest("db.client.connection.count")).isNotNull());

        Map<String, Long> byState = new java.util.TreeMap<>();
        List<NumberDataPoint> counts = latest("db.client.connection.count").getSum().getDataPointsList();
        counts.forEach(point -> byState.put((String) OtlpReceiver.attributes(point.getAttributesList())
                .get("db.client.connection.state"), point.getAsInt()));
        String pool = (String) OtlpReceiver.attributes(counts.get(0).getAttributesList()).get("db.client.connection.pool.name");

        assertThat(byState).containsOnlyKeys("idle", "used");
        assertThat(byState.get("idle") + byState.get("used")).isBetween(1L, 20L);
        assertThat(pool).isNotBlank();
        assertThat(latest("db.client.connection.max").getSum().getDataPointsList()).singleElement()
                .satisfies(point -> {
                    assertThat(point.getAsInt()).isEqualTo(20);
                    assertThat(OtlpReceiver.attributes(point.getAttributesList()))
                            .isEqualTo(Map.of("db.client.connection.pool.name", pool));
                });
        assertThat(latest("db.client.connection.pending_requests").getSum().getDataPointsList()).singleElement()
                .satisfies(point -> assertThat(point.getAsInt()).isBetween(0L, 50L));
    }

    private static Map<String, Object> reconcile(boolean dryRun) {
        McpTool<?> tool = platform.beans(McpTool.class).stream().map(candidate -> (McpTool<?>) candidate)
                .filter(candidate -> candidate.definition().name().equals("reconcile")).findFirst().orElseThrow();
        return structured(tool, ToolCalls.call(tool, ADMIN, Map.of("dry_run", dryRun)));
    }

    private static Metric latest(String name) {
        return collector.metrics().stream().filter(metric -> metric.getName().equals(name))
                .reduce((first, second) -> second).orElse(null);
    }
}
