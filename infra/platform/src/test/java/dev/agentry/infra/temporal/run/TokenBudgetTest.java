package dev.agentry.infra.temporal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import dev.agentry.workflows.run.ToolActivities;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentScheduleWorkflowImpl;
import dev.agentry.workflows.schedule.ScheduleActivities;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token budgets with the platform's own activities and event store, the real OpenAI SDK against a local server
 * that reports each call's usage, and the schedule and run workflows on Temporal's test service with time skipping.
 */
class TokenBudgetTest {

    private static final String OWNER = "user-carol";
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer server;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        database = PostgresTestDatabase.create();
        server = FakeVendorServer.start();
        platform = RunningPlatform.start(database, home,
                "agentry.providers.openai-compatible.base-url=" + server.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.preference=openai-compatible");
    }

    @AfterAll
    static void stopEverything() {
        if (platform != null) {
            platform.close();
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRunWhoseNextModelCallWouldPassItsBudgetFailsAsBudgetExceededBeforeThatCall() throws Exception {
        // the first call reports 150 + 60; the second would read at least those 150 again: 360 > 300
        String agentId = createAgent(List.of("current_time"), new Schedule("0 8 * * *", "UTC"), 300L, null);
        Instant fire = Instant.parse("2026-11-26T08:00:00Z");
        int before = server.requests().size();
        // nothing is queued for a second call: one would be answered 500 and show as a second request
        server.answer(200, toolCallAnswer("call_time_1", "current_time", "{\"timezone\":\"UTC\"}", 150, 60));

        RunOutcome outcome;
        try (TestWorkflowEnvironment temporal = temporalAt(fire)) {
            String runId = AgentScheduleWorkflow.scheduledRunId(agentId, fire);
            outcome = temporal.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                            .setWorkflowId(runId).setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE).build())
                    .run(new RunRequest(agentId, runId, RunTrigger.SCHEDULE, fire));
        }

        assertThat(outcome.succeeded()).isFalse();
        assertThat(server.requests().size() - before).as("requests to the model").isEqualTo(1);
        assertThat(events(agentId, "AgentRan")).isEmpty();
        List<JsonNode> failures = events(agentId, "AgentFailed");
        assertThat(failures).hasSize(1);
        JsonNode failed = failures.get(0);
        assertThat(failed.path("errorKind").asText()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(failed.path("errorMessage").asText()).contains("210 tokens").contains("budget of 300");
        assertThat(failed.path("inputTokens").asLong()).isEqualTo(150);
        assertThat(failed.path("outputTokens").asLong()).isEqualTo(60);
        assertThat(failed.path("model").asText()).isEqualTo(SERVER_MODEL);
        RunTranscript transcript = platform.bean(RunTranscripts.class).find(failed.path("transcriptRef").asText()).orElseThrow();
        assertThat(transcript.errorKind()).isEqualTo("BUDGET_EXCEEDED");
        // the task, the model's tool call and the tool's answer, which no model call read
        assertThat(transcript.messages()).hasSize(3);
        assertThat(JSON.writeValueAsString(transcript.messages().get(2))).contains("call_time_1");
    }

    @Test
    void onceTheDaysBudgetIsSpentFiresAreSkippedForBudgetUntilMidnightInTheAgentsTimezone() {
        // hourly, in New York (UTC-5 in November); each run reports 200 + 100 tokens, 500 a day
        String agentId = createAgent(List.of(), new Schedule("0 * * * *", "America/New_York"), null, 500L);
        Instant start = Instant.parse("2026-11-27T01:30:00Z"); // 20:30 on 26 November in New York
        int before = server.requests().size();
        for (int answers = 0; answers < 3; answers++) {
            server.answer(200, finalAnswer("Done.", 200, 100));
        }

        try (TestWorkflowEnvironment temporal = temporalAt(start)) {
            AgentScheduleWorkflow schedule = temporal.getWorkflowClient().newWorkflowStub(AgentScheduleWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(AgentScheduleWorkflow.workflowIdFor(agentId))
                            .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE).build());
            WorkflowClient.start(schedule::run, ScheduleState.startingNow(agentId,
                    new ScheduleConfig(new Schedule("0 * * * *", "America/New_York"), OverlapPolicy.SKIP,
                            CatchUpPolicy.SKIP, "v1")));
            // 21:00 and 22:00 run (600 tokens), 23:00 is skipped, 00:00 on 27 November runs again
            temporal.sleep(Duration.ofMinutes(3 * 60 + 40));
            await().atMost(Duration.ofSeconds(30)).until(() -> events(agentId, "AgentRan").size() == 3);
        }

        assertThat(events(agentId, "AgentRan")).extracting(ran -> ran.path("scheduledAt").asText()).containsExactly(
                "2026-11-27T02:00:00Z", "2026-11-27T03:00:00Z", "2026-11-27T05:00:00Z");
        assertThat(events(agentId, "AgentRan")).allSatisfy(ran -> {
            assertThat(ran.path("inputTokens").asLong()).isEqualTo(200);
            assertThat(ran.path("outputTokens").asLong()).isEqualTo(100);
        });
        List<JsonNode> skipped = events(agentId, "AgentRunSkipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("scheduledAt").asText()).isEqualTo("2026-11-27T04:00:00Z");
        assertThat(skipped.get(0).path("reason").asText()).isEqualTo("BUDGET");
        assertThat(skipped.get(0).path("trigger").asText()).isEqualTo("SCHEDULE");
        assertThat(skipped.get(0).path("runId").asText())
                .isEqualTo(AgentScheduleWorkflow.scheduledRunId(agentId, Instant.parse("2026-11-27T04:00:00Z")));
        assertThat(events(agentId, "AgentFailed")).isEmpty();
        assertThat(server.requests().size() - before).as("requests to the model").isEqualTo(3);
    }

    /** Temporal's test service with time skipping, from the given time, running the platform's activities. */
    private static TestWorkflowEnvironment temporalAt(Instant start) {
        TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setInitialTime(start).build());
        Worker worker = temporal.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentScheduleWorkflowImpl.class, AgentRunWorkflowImpl.class);
        worker.registerActivitiesImplementations(platform.bean(RunActivities.class), platform.bean(LlmActivities.class),
                platform.bean(ToolActivities.class), platform.bean(ScheduleActivities.class),
                new RunStatusActivitiesImpl(temporal.getWorkflowClient()));
        temporal.start();
        return temporal;
    }

    private static String createAgent(List<String> tools, Schedule schedule, Long perRun, Long perDay) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, OWNER, new AgentSettings("budgeted", "Tell the time.",
                ReasoningTier.STANDARD, null, schedule, tools, OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)
                .withTokenBudgets(perRun, perDay)), OWNER, "carol");
        return agentId;
    }

    /** The agent's events of one type, in the order they were stored. */
    private static List<JsonNode> events(String agentId, String type) {
        return platform.jdbc().sql("""
                        SELECT payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> readJson(row.getBytes(1))).list();
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toolCallAnswer(String callId, String tool, String arguments, int in, int out) {
        Map<String, Object> call = Map.of("id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", arguments));
        return completion(Map.of("role", "assistant", "tool_calls", List.of(call)), "tool_calls", in, out);
    }

    static String finalAnswer(String text, int in, int out) {
        return completion(Map.of("role", "assistant", "content", text), "stop", in, out);
    }

    private static String completion(Map<String, Object> message, String finishReason, int in, int out) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion", "created", 1764144000,
                    "model", SERVER_MODEL,
                    "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                    "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
