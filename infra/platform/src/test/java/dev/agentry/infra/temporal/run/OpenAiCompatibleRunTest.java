package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.run.RunTranscripts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.llm.FakeVendorServer.RecordedRequest;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.ListRuns;
import dev.agentry.query.api.RunView;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.ToolActivities;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
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

/**
 * The run workflow with the platform's own activities, against a local server speaking the chat
 * completions wire format through the real OpenAI SDK, recording outcomes in a real event store.
 * Time is not skipped, so retry delays are real.
 */
class OpenAiCompatibleRunTest {

    private static final String OWNER = "user-alice";
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer server;
    private static RunningPlatform platform;
    private static TestWorkflowEnvironment temporal;

    @BeforeAll
    static void startPlatformAndTemporal() {
        database = PostgresTestDatabase.create();
        server = FakeVendorServer.start();
        platform = RunningPlatform.start(database, home,
                "agentry.providers.openai-compatible.base-url=" + server.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.preference=openai-compatible");
        temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = temporal.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentRunWorkflowImpl.class);
        worker.registerActivitiesImplementations(platform.bean(RunActivities.class), platform.bean(LlmActivities.class),
                platform.bean(ToolActivities.class));
        temporal.start();
    }

    @AfterAll
    static void stopEverything() {
        if (temporal != null) {
            temporal.close();
        }
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
    void aToolCallIsAnsweredThroughTheServerAndTheRunIsRecordedWithTheServersTokenCounts() throws Exception {
        String agentId = createAgent(List.of("current_time"));
        int before = server.requests().size();
        server.answer(200, toolCallAnswer("call_time_1", "current_time", "{\"timezone\":\"Europe/Berlin\"}", 120, 18))
                .answer(200, finalAnswer("It is morning in Berlin.", 160, 25));

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
        List<RecordedRequest> requests = requestsSince(before);
        assertThat(requests).hasSize(2);
        JsonNode first = requests.get(0).json();
        assertThat(first.path("model").asText()).isEqualTo(SERVER_MODEL);
        assertThat(first.path("tools").findValuesAsText("name")).containsExactly("current_time");
        JsonNode toolMessage = lastMessage(requests.get(1).json());
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_time_1");
        assertThat(JSON.readTree(toolMessage.path("content").asText()).path("timezone").asText())
                .isEqualTo("Europe/Berlin");

        JsonNode ran = onlyEvent(agentId, "AgentRan");
        assertThat(ran.path("inputTokens").asLong()).isEqualTo(280);
        assertThat(ran.path("outputTokens").asLong()).isEqualTo(43);
        assertThat(ran.path("model").asText()).isEqualTo(SERVER_MODEL);
        assertThat(ran.path("summary").asText()).isEqualTo("It is morning in Berlin.");
        assertThat(ran.path("trigger").asText()).isEqualTo("SCHEDULE");
        assertThat(actorOfOnlyEvent(agentId, "AgentRan")).isEqualTo("system:scheduler");

        RunTranscript transcript = platform.bean(RunTranscripts.class).find(ran.path("transcriptRef").asText()).orElseThrow();
        assertThat(transcript.finalAnswer()).isEqualTo("It is morning in Berlin.");
        assertThat(transcript.messages()).hasSize(4);

        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        assertThat(platform.queryMany(new ListRuns(agentId, OWNER, 10), RunView.class)).singleElement()
                .satisfies(view -> {
                    assertThat(view.outcome()).isEqualTo("SUCCEEDED");
                    assertThat(view.inputTokens()).isEqualTo(280);
                    assertThat(view.outputTokens()).isEqualTo(43);
                });
    }

    @Test
    void aRateLimitedCallIsSentAgainNoSoonerThanTheServersRetryAfter() {
        String agentId = createAgent(List.of());
        int before = server.requests().size();
        // longer than the retry policy's first interval (2 s), so only the header explains the wait
        server.answer(429, rateLimited(), "retry-after", "3")
                .answer(200, finalAnswer("Done.", 30, 4));

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
        List<RecordedRequest> requests = requestsSince(before);
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(onlyEvent(agentId, "AgentRan").path("inputTokens").asLong()).isEqualTo(30);
    }

    @Test
    void aRejectedRequestEndsInAgentFailedAfterExactlyOneRequest() {
        String agentId = createAgent(List.of("current_time"));
        int before = server.requests().size();
        server.answer(400, """
                {"error":{"message":"Invalid schema for function 'current_time'.","type":"invalid_request_error",
                 "param":null,"code":"invalid_function_parameters"}}""");

        RunOutcome outcome = run(agentId);

        // the run has ended, so no retry is still to come
        assertThat(outcome.succeeded()).isFalse();
        assertThat(requestsSince(before)).hasSize(1);
        JsonNode failed = onlyEvent(agentId, "AgentFailed");
        assertThat(failed.path("errorKind").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(failed.path("errorMessage").asText()).contains("Invalid schema");
        assertThat(failed.path("model").asText()).isEqualTo(SERVER_MODEL);
    }

    @Test
    void aToolTheAgentDoesNotAllowIsNeitherOfferedNorRun() throws Exception {
        String agentId = createAgent(List.of());
        int before = server.requests().size();
        server.answer(200, toolCallAnswer("call_1", "current_time", "{}", 50, 10))
                .answer(200, finalAnswer("I have no clock.", 70, 6));

        run(agentId);

        List<RecordedRequest> requests = requestsSince(before);
        assertThat(requests.get(0).json().has("tools")).isFalse();
        JsonNode toolMessage = lastMessage(requests.get(1).json());
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolMessage.path("content").asText()).contains("not available").doesNotContain("day_of_week");
    }

    @Test
    void anAgentWhoseTierNoProviderServesFailsAsProviderUnavailableWithoutARequest() {
        String agentId = createAgent(ReasoningTier.DEEP, List.of());
        int before = server.requests().size();

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(requestsSince(before)).isEmpty();
        JsonNode failed = onlyEvent(agentId, "AgentFailed");
        assertThat(failed.path("errorKind").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.path("errorMessage").asText()).contains("deep");
        assertThat(failed.path("model").isNull()).isTrue();
    }

    @Test
    void aRunOfADeletedAgentSendsNothingAndRecordsNothing() {
        String agentId = createAgent(List.of());
        platform.send(new DeleteAgent(agentId, OWNER), OWNER, "alice");
        long events = platform.eventCount();
        int before = server.requests().size();

        RunOutcome outcome = run(agentId);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(requestsSince(before)).isEmpty();
        assertThat(platform.eventCount()).isEqualTo(events);
    }

    private static String createAgent(List<String> tools) {
        return createAgent(ReasoningTier.STANDARD, tools);
    }

    private static String createAgent(ReasoningTier tier, List<String> tools) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, OWNER, new AgentSettings("clock reader", "Tell the time in Berlin.",
                tier, null, new Schedule("0 8 * * *", "UTC"), tools,
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), OWNER, "alice");
        return agentId;
    }

    private static RunOutcome run(String agentId) {
        String runId = AgentScheduleWorkflow.scheduledRunId(agentId, FIRE);
        return temporal.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(runId)
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build())
                .run(new RunRequest(agentId, runId, RunTrigger.SCHEDULE, FIRE));
    }

    private static List<RecordedRequest> requestsSince(int before) {
        List<RecordedRequest> all = server.requests();
        return all.subList(before, all.size());
    }

    private static JsonNode lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1);
    }

    private static JsonNode onlyEvent(String agentId, String type) {
        List<byte[]> payloads = platform.jdbc().sql("""
                        SELECT payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ?""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> row.getBytes(1)).list();
        assertThat(payloads).as(type + " events of " + agentId).hasSize(1);
        return readJson(payloads.get(0));
    }

    private static String actorOfOnlyEvent(String agentId, String type) {
        byte[] metaData = platform.jdbc().sql("""
                        SELECT meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ?""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> row.getBytes(1)).single();
        return readJson(metaData).path("actorName").asText();
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toolCallAnswer(String callId, String tool, String arguments, int in, int out) {
        Map<String, Object> call = Map.of("id", callId, "type", "function",
                "function", Map.of("name", tool, "arguments", arguments));
        return completion(Map.of("role", "assistant", "tool_calls", List.of(call)), "tool_calls", in, out);
    }

    private static String finalAnswer(String text, int in, int out) {
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

    private static String rateLimited() {
        return """
                {"error":{"message":"Rate limit reached for requests per min (RPM): Limit 3, Used 3.",
                 "type":"requests","param":null,"code":"rate_limit_exceeded"}}""";
    }
}
