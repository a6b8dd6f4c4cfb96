package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.workflows.WorkflowImplementations;
import dev.agentry.workflows.run.AgentRunWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The platform is killed with SIGKILL while a run waits on a slow LLM. After the restart the run completes,
 * and what the run had already done (the first LLM call, the tool call) is not done again: the LLM server
 * counts its requests.
 */
class CrashMidRunIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String MODEL = "qwen2.5-32b-instruct";
    /** the held LLM call is retried once its heartbeat times out (30 s) on the restarted worker */
    private static final Duration UNTIL_THE_RUN_COMPLETES = Duration.ofSeconds(100);

    @TempDir
    Path home;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aRunInterruptedByACrashCompletesAfterTheRestartWithoutRepeatingCompletedLlmCalls() throws Exception {
        assumeTrue(WorkflowImplementations.ALL.stream().anyMatch(AgentRunWorkflow.class::isAssignableFrom),
                "needs the run workflow");
        Path platformLog = OUTPUT.resolve("crash-mid-run-platform.log");
        try (TemporalDevProcess temporal = TemporalDevProcess.start(OUTPUT.resolve("crash-mid-run-temporal-dev.log"));
             ToolThenAnswerServer llm = ToolThenAnswerServer.holdingTheFirstToolResult();
             PostgresTestDatabase database = PostgresTestDatabase.create()) {
            String[] properties = llm.platformArguments(MODEL, "--agentry.temporal.target=" + temporal.target());
            String agentId;
            String runId;

            try (PlatformProcess first = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog, properties);
                 JavaMcpClient admin = JavaMcpClient.connect(first, ADMIN_TOKEN)) {
                agentId = admin.call("create_agent", Map.of("name", "clock reader",
                        "instructions", "Tell the time in Berlin.", "tools", List.of("current_time"))).get("agent_id").toString();
                runId = admin.call("run_agent_now", Map.of("agent_id", agentId)).get("run_id").toString();
                assertThat(llm.awaitHeldRequest(Duration.ofSeconds(90)))
                        .as("the run reaches the LLM call after the tool call\n%s", first.logTail()).isTrue();
                assertThat(runOutcome(admin, agentId, runId)).contains("RUNNING");
                first.kill();
            }
            llm.release();
            assertThat(temporal.isAlive()).as("temporal-dev outlives the platform").isTrue();

            try (PlatformProcess second = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog, properties);
                 JavaMcpClient admin = JavaMcpClient.connect(second, ADMIN_TOKEN)) {
                try {
                    await().atMost(UNTIL_THE_RUN_COMPLETES).pollInterval(Duration.ofSeconds(2))
                            .until(() -> runOutcome(admin, agentId, runId).filter(outcome -> !"RUNNING".equals(outcome)).isPresent());
                } catch (org.awaitility.core.ConditionTimeoutException timeout) {
                    throw new AssertionError("run " + runId + " did not end: " + admin.runs(agentId) + "\n" + second.logTail(), timeout);
                }
                assertThat(runOutcome(admin, agentId, runId)).contains("SUCCEEDED");
                Map<String, Object> run = admin.call("get_run", Map.of("run_id", runId));
                assertThat(run.toString()).contains(ToolThenAnswerServer.FINAL_ANSWER);
            }
            assertThat(llm.requestsWithoutToolResult()).as("LLM calls completed before the kill are not sent again").isEqualTo(1);
            assertThat(llm.requestsWithToolResult()).as("the interrupted LLM call, once before and once after the kill").isEqualTo(2);
            assertThat(eventCount(database, agentId, "AgentRan")).isEqualTo(1);
            assertThat(eventCount(database, agentId, "AgentFailed")).isZero();
        }
    }

    private static Optional<String> runOutcome(JavaMcpClient admin, String agentId, String runId) {
        return admin.runs(agentId).stream().filter(run -> runId.equals(run.get("run_id")))
                .map(run -> run.get("outcome").toString()).findFirst();
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
