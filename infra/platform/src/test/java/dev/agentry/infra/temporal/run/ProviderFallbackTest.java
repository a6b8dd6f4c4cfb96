package dev.agentry.infra.temporal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.circuit.ProviderCircuitBreakers;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.ToolActivities;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whose provider fails, on the whole platform: the run workflow with the platform's activities, the real
 * OpenAI and Anthropic SDKs against two local servers (one speaking chat completions, one the Messages API),
 * outcomes in a real event store and {@code list_models} and {@code get_run} as the tools answer them. Time is
 * not skipped: the breaker's cool-down is real.
 */
class ProviderFallbackTest {

    private static final String OWNER = "user-alice";
    private static final Caller ALICE = new Caller(OWNER, "alice", Role.USER);
    private static final String SERVER_MODEL = "llama-test";
    private static final int FAILURE_THRESHOLD = 4;
    private static final Duration COOL_DOWN = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run ids by the names the tests gave their runs. */
    private static final Map<String, String> RUN_IDS = new ConcurrentHashMap<>();
    private static final String CATALOGUE = """
            {"about": "a catalogue of this test",
             "models": [
              {"name": "claude-basic-test", "friendly_name": "Basic", "tier": "basic",
               "capabilities": {"tools": true, "thinking": false},
               "offerings": [{"provider": "anthropic", "model_id": "claude-basic-1"}]},
              {"name": "claude-sonnet-test", "friendly_name": "Sonnet", "tier": "standard",
               "capabilities": {"tools": true, "thinking": true},
               "offerings": [{"provider": "anthropic", "model_id": "claude-sonnet-1"}]},
              {"name": "claude-retired-test", "friendly_name": "Retired", "tier": "advanced",
               "capabilities": {"tools": true, "thinking": true},
               "offerings": [{"provider": "anthropic", "model_id": "claude-retired-1"}]},
              {"name": "claude-current-test", "friendly_name": "Current", "tier": "advanced",
               "capabilities": {"tools": true, "thinking": true},
               "offerings": [{"provider": "anthropic", "model_id": "claude-current-1"}]}
             ]}""";

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer compatible;
    private static FakeVendorServer anthropic;
    private static RunningPlatform platform;
    private static TestWorkflowEnvironment temporal;

    @BeforeAll
    static void startPlatformAndTemporal() throws IOException {
        database = PostgresTestDatabase.create();
        compatible = FakeVendorServer.start();
        anthropic = FakeVendorServer.start();
        Path catalogue = Files.writeString(home.resolve("models.json"), CATALOGUE);
        platform = RunningPlatform.start(database, home,
                "agentry.catalogue.file=" + catalogue,
                "agentry.providers.openai-compatible.base-url=" + compatible.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.anthropic.api-key=sk-ant-test",
                "agentry.providers.anthropic.base-url=" + anthropic.url(),
                "agentry.providers.preference=openai-compatible,anthropic",
                "agentry.providers.circuit-breaker.failure-threshold=" + FAILURE_THRESHOLD,
                "agentry.providers.circuit-breaker.cool-down=" + COOL_DOWN.toSeconds() + "s");
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
        if (compatible != null) {
            compatible.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void nothingLeftOverFromAnotherTest() {
        anthropic.forgetQueuedAnswers();
        compatible.forgetQueuedAnswers();
    }

    @Test
    void runsMoveToTheOtherProviderWhileThePreferredOneFailsAndComeBackOnceItsBreakerClosesAgain() throws Exception {
        String agentId = createAgent(ReasoningTier.STANDARD, null);
        compatible.answerWhenNothingQueued(503, """
                {"error":{"message":"The server is overloaded.","type":"server_error","param":null,"code":null}}""");

        // each run: the preferred server is tried twice, then the Anthropic one answers
        for (int run = 1; run <= FAILURE_THRESHOLD / 2; run++) {
            int before = compatible.requests().size();
            anthropic.answer(200, anthropicAnswer("Answered by Sonnet."));

            RunOutcome outcome = run(agentId, "run-" + run);

            assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
            assertThat(compatible.requests().size() - before).isEqualTo(2);
            assertThat(anthropic.lastRequest().json().path("model").asText()).isEqualTo("claude-sonnet-1");
            assertThat(lastEventOf(agentId, "AgentRan").path("model").asText()).isEqualTo("claude-sonnet-test");
            assertThat(modelCalls("run-" + run)).containsExactly(
                    List.of(1, SERVER_MODEL, "openai-compatible", "OVERLOADED"),
                    List.of(1, "claude-sonnet-test", "anthropic", "answered"));
        }

        // the breaker is open after FAILURE_THRESHOLD consecutive failures
        assertThat(platform.bean(ProviderCircuitBreakers.class).stateOf("openai-compatible"))
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(recordedState("openai-compatible")).isEqualTo("OPEN");
        Map<String, Object> serverModel = model(listModels(), SERVER_MODEL);
        assertThat(serverModel).containsEntry("available", false);
        assertThat(serverModel.get("unavailable_reason").toString())
                .contains("circuit breaker of openai-compatible is open", FAILURE_THRESHOLD + " consecutive failures",
                        "HTTP 503");
        assertThat(tier(listModels(), "standard")).containsEntry("model", "claude-sonnet-test");

        // while it is open, runs go to the other provider at once
        int before = compatible.requests().size();
        anthropic.answer(200, anthropicAnswer("Answered by Sonnet again."));
        assertThat(run(agentId, "run-open").succeeded()).isTrue();
        assertThat(compatible.requests()).hasSize(before);
        assertThat(modelCalls("run-open")).containsExactly(List.of(1, "claude-sonnet-test", "anthropic", "answered"));

        // the server recovers; after the cool-down the breaker lets a call through, which closes it
        compatible.answerWhenNothingQueued(200, chatCompletion("Answered by the server."));
        long deadline = System.nanoTime() + COOL_DOWN.multipliedBy(4).toNanos();
        while (!"HALF_OPEN".equals(recordedState("openai-compatible")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(recordedState("openai-compatible")).isEqualTo("HALF_OPEN");
        assertThat(model(listModels(), SERVER_MODEL)).containsEntry("available", true).doesNotContainKey("unavailable_reason");

        RunOutcome recovered = run(agentId, "run-recovered");

        assertThat(recovered.succeeded()).as(recovered.summary()).isTrue();
        assertThat(lastEventOf(agentId, "AgentRan").path("model").asText()).isEqualTo(SERVER_MODEL);
        assertThat(modelCalls("run-recovered")).containsExactly(List.of(1, SERVER_MODEL, "openai-compatible", "answered"));
        assertThat(platform.bean(ProviderCircuitBreakers.class).stateOf("openai-compatible"))
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(recordedState("openai-compatible")).isEqualTo("CLOSED");
    }

    @Test
    void aModelItsProviderNoLongerKnowsIsSkippedByTheRestOfItsTiersRunsAndShownUnavailableWithTheReason() {
        String agentId = createAgent(ReasoningTier.ADVANCED, null);
        int before = anthropic.requests().size();
        anthropic.answer(404, """
                {"type":"error","error":{"type":"not_found_error","message":"model: claude-retired-1"}}""")
                .answer(200, anthropicAnswer("Answered by the current model."));

        RunOutcome first = run(agentId, "run-retired-1");

        assertThat(first.succeeded()).as(first.summary()).isTrue();
        assertThat(anthropic.requests().subList(before, anthropic.requests().size()))
                .extracting(request -> request.json().path("model").asText())
                .containsExactly("claude-retired-1", "claude-current-1");
        assertThat(modelCalls("run-retired-1")).containsExactly(
                List.of(1, "claude-retired-test", "anthropic", "MODEL_NOT_FOUND"),
                List.of(1, "claude-current-test", "anthropic", "answered"));
        assertThat(lastEventOf(agentId, "AgentRan").path("model").asText()).isEqualTo("claude-current-test");

        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        Map<String, Object> retired = model(listModels(), "claude-retired-test");
        assertThat(retired).containsEntry("available", false).containsEntry("enabled", true);
        assertThat(retired.get("unavailable_reason").toString()).contains("not_found_error", "claude-retired-1");
        assertThat(tier(listModels(), "advanced")).containsEntry("model", "claude-current-test");

        int beforeSecond = anthropic.requests().size();
        anthropic.answer(200, anthropicAnswer("Answered straight away."));
        assertThat(run(createAgent(ReasoningTier.ADVANCED, null), "run-retired-2").succeeded()).isTrue();
        assertThat(anthropic.requests().subList(beforeSecond, anthropic.requests().size()))
                .extracting(request -> request.json().path("model").asText())
                .containsExactly("claude-current-1");
    }

    @Test
    void anExplicitModelNeverFallsBackAndTheRunFailsWithTheClassifiedError() {
        String agentId = createAgent(ReasoningTier.STANDARD, "claude-sonnet-test");
        int compatibleBefore = compatible.requests().size();
        int anthropicBefore = anthropic.requests().size();
        anthropic.answer(401, """
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""");

        RunOutcome outcome = run(agentId, "run-explicit");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(anthropic.requests()).hasSize(anthropicBefore + 1);
        assertThat(compatible.requests()).hasSize(compatibleBefore);
        JsonNode failed = lastEventOf(agentId, "AgentFailed");
        assertThat(failed.path("errorKind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(failed.path("errorMessage").asText()).contains("invalid x-api-key");
        assertThat(failed.path("model").asText()).isEqualTo("claude-sonnet-test");
        assertThat(modelCalls("run-explicit")).containsExactly(
                List.of(1, "claude-sonnet-test", "anthropic", "AUTHENTICATION"));
    }

    private static String createAgent(ReasoningTier tier, String explicitModel) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, OWNER, new AgentSettings("reporter", "Report briefly.",
                tier, explicitModel, null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), OWNER, "alice");
        return agentId;
    }

    private static RunOutcome run(String agentId, String name) {
        String runId = "run-" + agentId + "-" + name;
        RunOutcome outcome = temporal.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(runId)
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build())
                .run(new RunRequest(agentId, runId, RunTrigger.MANUAL, null));
        platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        RUN_IDS.put(name, runId);
        return outcome;
    }

    /** The transcript's model calls as get_run shows them: call, model, provider, and the error kind or "answered". */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> modelCalls(String name) {
        Map<String, Object> run = ToolCalls.structured(tool("get_run"),
                ToolCalls.call(tool("get_run"), ALICE, Map.of("run_id", RUN_IDS.get(name))));
        Map<String, Object> transcript = (Map<String, Object>) run.get("transcript");
        return ((List<Map<String, Object>>) transcript.get("model_calls")).stream()
                .map(call -> List.<Object>of(((Number) call.get("call")).intValue(), call.get("model"), call.get("provider"),
                        call.get("error") == null ? "answered" : ((Map<String, Object>) call.get("error")).get("kind")))
                .toList();
    }

    private static Map<String, Object> listModels() {
        return ToolCalls.structured(tool("list_models"), ToolCalls.call(tool("list_models"), ALICE, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> listing, String name) {
        return ((List<Map<String, Object>>) listing.get("models")).stream()
                .filter(model -> name.equals(model.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tier(Map<String, Object> listing, String tier) {
        return ((List<Map<String, Object>>) listing.get("tiers")).stream()
                .filter(entry -> tier.equals(entry.get("tier"))).findFirst().orElseThrow();
    }

    private static McpTool<?> tool(String name) {
        return platform.beans(McpTool.class).stream()
                .filter(tool -> tool.definition().name().equals(name)).findFirst().orElseThrow();
    }

    private static String recordedState(String provider) {
        return platform.jdbc().sql("SELECT state FROM provider_circuit WHERE provider = ?").param(provider)
                .query(String.class).optional().orElse(null);
    }

    private static JsonNode lastEventOf(String agentId, String type) {
        List<byte[]> payloads = platform.jdbc().sql("""
                        SELECT payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> row.getBytes(1)).list();
        assertThat(payloads).as(type + " events of " + agentId).isNotEmpty();
        try {
            return JSON.readTree(payloads.get(payloads.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String anthropicAnswer(String text) {
        return json(Map.of("id", "msg_" + UUID.randomUUID(), "type", "message", "role", "assistant",
                "model", "claude-test", "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", "end_turn", "usage", Map.of("input_tokens", 20, "output_tokens", 5)));
    }

    private static String chatCompletion(String text) {
        return json(Map.of("id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion", "created", 1764144000,
                "model", SERVER_MODEL,
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 20, "completion_tokens", 5, "total_tokens", 25)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
