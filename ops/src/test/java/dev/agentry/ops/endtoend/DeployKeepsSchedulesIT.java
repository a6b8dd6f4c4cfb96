package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.workflows.WorkflowImplementations;
import dev.agentry.workflows.run.AgentRunWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A deploy as in production: Temporal ({@code temporal-dev}) runs in a process of its own while the
 * platform is killed with SIGKILL and started again. Agents on a one-minute schedule stay RUNNING, keep
 * firing, and no fire time runs twice.
 */
class DeployKeepsSchedulesIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String MODEL = "qwen2.5-32b-instruct";
    private static final int AGENTS = 3;
    /** a fire comes within a minute; the run and the read models take a little longer */
    private static final Duration UNTIL_A_FIRE_IS_RECORDED = Duration.ofSeconds(150);

    @TempDir
    Path home;

    @Test
    @Timeout(value = 7, unit = TimeUnit.MINUTES)
    void runningAgentsStayRunningAndKeepFiringOnceEachWhenThePlatformIsKilledAndStartedAgain() {
        assumeTrue(WorkflowImplementations.ALL.stream().anyMatch(AgentRunWorkflow.class::isAssignableFrom),
                "fires are observed through their recorded runs, which need the run workflow");
        Path platformLog = OUTPUT.resolve("deploy-platform.log");
        try (TemporalDevProcess temporal = TemporalDevProcess.start(OUTPUT.resolve("deploy-temporal-dev.log"));
             FinalAnswerServer llm = FinalAnswerServer.start(MODEL);
             PostgresTestDatabase database = PostgresTestDatabase.create()) {
            String[] properties = llm.platformArguments(MODEL, "--agentry.temporal.target=" + temporal.target());
            List<String> agents = new ArrayList<>();
            Instant killedAt;

            try (PlatformProcess first = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog, properties);
                 JavaMcpClient admin = JavaMcpClient.connect(first, ADMIN_TOKEN)) {
                for (int i = 0; i < AGENTS; i++) {
                    String agentId = admin.call("create_agent", Map.of("name", "minutely " + i,
                            "instructions", "Report that all is quiet.",
                            "schedule", Map.of("cron", "* * * * *", "timezone", "UTC"))).get("agent_id").toString();
                    assertThat(admin.call("start_agent", Map.of("agent_id", agentId))).containsEntry("status", "RUNNING");
                    agents.add(agentId);
                }
                awaitScheduledRunAfter(admin, agents, Instant.EPOCH, first);
                first.kill();
                killedAt = Instant.now();
            }
            assertThat(temporal.isAlive()).as("temporal-dev outlives the platform").isTrue();

            try (PlatformProcess second = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog, properties);
                 JavaMcpClient admin = JavaMcpClient.connect(second, ADMIN_TOKEN)) {
                for (String agentId : agents) {
                    assertThat(admin.call("get_agent", Map.of("agent_id", agentId))).containsEntry("status", "RUNNING");
                }
                assertThat(listedStatuses(admin)).containsEntry("RUNNING", (long) AGENTS);

                awaitScheduledRunAfter(admin, agents, killedAt, second);

                for (String agentId : agents) {
                    List<Map<String, Object>> runs = admin.runs(agentId);
                    Map<Object, List<Object>> runIdsByFireTime = runs.stream().collect(Collectors.groupingBy(
                            run -> run.get("started_at"), Collectors.mapping(run -> run.get("run_id"), Collectors.toList())));
                    assertThat(runIdsByFireTime).as("runs of agent %s by fire time", agentId)
                            .allSatisfy((fireTime, runIds) -> assertThat(runIds).hasSize(1));
                    assertThat(runs).extracting(run -> run.get("run_id")).doesNotHaveDuplicates();
                    assertThat(runs).extracting(run -> run.get("outcome")).containsOnly("SUCCEEDED");
                }
                assertThat(llm.requests()).isPositive();
            }
        }
    }

    /** Waits until every agent has a scheduled run for a fire time after {@code after}, recorded as succeeded. */
    private static void awaitScheduledRunAfter(JavaMcpClient admin, List<String> agents, Instant after, PlatformProcess platform) {
        Function<String, Boolean> firedAfter = agentId -> admin.runs(agentId).stream().anyMatch(run ->
                "SCHEDULE".equals(run.get("trigger")) && "SUCCEEDED".equals(run.get("outcome"))
                        && Instant.parse(run.get("started_at").toString()).isAfter(after));
        try {
            await().atMost(UNTIL_A_FIRE_IS_RECORDED).pollInterval(Duration.ofSeconds(3))
                    .until(() -> agents.stream().allMatch(firedAfter::apply));
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("not every agent fired after " + after + ": "
                    + agents.stream().collect(Collectors.toMap(agentId -> agentId, admin::runs)) + "\n" + platform.logTail(), timeout);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Long> listedStatuses(JavaMcpClient admin) {
        List<Map<String, Object>> listed = (List<Map<String, Object>>) admin.call("list_agents", Map.of()).get("agents");
        return listed.stream().collect(Collectors.groupingBy(agent -> agent.get("status"), Collectors.counting()));
    }
}
