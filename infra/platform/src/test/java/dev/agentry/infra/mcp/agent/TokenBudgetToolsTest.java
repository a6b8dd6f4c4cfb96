package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The day's token usage through the tools, on the whole platform with Temporal's in-memory service and a local
 * chat-completions server that reports each call's usage: run_agent_now, then get_agent and list_runs.
 */
class TokenBudgetToolsTest {

    private static final Caller DAVE = new Caller("user-dave", "dave", Role.USER);
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer llm;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        database = PostgresTestDatabase.create();
        llm = FakeVendorServer.start();
        platform = RunningPlatform.start(database, home,
                "agentry.temporal.enabled=true",
                "agentry.providers.openai-compatible.base-url=" + llm.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.preference=openai-compatible");
        platform.send(new CreateUser(DAVE.userId(), DAVE.username(), Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopEverything() {
        if (platform != null) {
            platform.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void getAgentShowsTheTokensTheServerReportedAndARunAskedForOnceTheDayIsSpentIsSkippedForBudget() {
        // no schedule: the day is UTC's; 300 a day, which the first run uses up
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, DAVE.userId(), new AgentSettings("budgeted", "Say hello.",
                ReasoningTier.STANDARD, null, null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)
                .withTokenBudgets(null, 300L)), DAVE.userId(), DAVE.username());
        assertThat(tokensUsedToday(agentId)).isZero();
        int before = llm.requests().size();
        llm.answer(200, finalAnswer("Hello.", 180, 120));

        String firstRun = tool("run_agent_now", agentId).get("run_id").toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomeOf(agentId, firstRun).equals("SUCCEEDED"));

        assertThat(tokensUsedToday(agentId)).isEqualTo(300);
        assertThat(llm.requests().size() - before).isEqualTo(1);

        String secondRun = tool("run_agent_now", agentId).get("run_id").toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomeOf(agentId, secondRun).equals("SKIPPED"));

        assertThat(llm.requests().size() - before).as("requests to the model").isEqualTo(1);
        JsonNode skipped = onlyEvent(agentId, "AgentRunSkipped");
        assertThat(skipped.path("runId").asText()).isEqualTo(secondRun);
        assertThat(skipped.path("reason").asText()).isEqualTo("BUDGET");
        assertThat(skipped.path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(tokensUsedToday(agentId)).isEqualTo(300);
    }

    private static long tokensUsedToday(String agentId) {
        return ((Number) tool("get_agent", agentId).get("tokens_used_today")).longValue();
    }

    /** The run's outcome as list_runs shows it; empty until it is listed. */
    @SuppressWarnings("unchecked")
    private static String outcomeOf(String agentId, String runId) {
        List<Map<String, Object>> runs = (List<Map<String, Object>>) tool("list_runs", agentId).get("runs");
        return runs.stream().filter(run -> runId.equals(run.get("run_id"))).map(run -> run.get("outcome").toString())
                .findFirst().orElse("");
    }

    private static Map<String, Object> tool(String name, String agentId) {
        McpTool<?> tool = platform.beans(McpTool.class).stream().map(found -> (McpTool<?>) found)
                .filter(found -> found.definition().name().equals(name)).findFirst().orElseThrow();
        return structured(tool, ToolCalls.call(tool, DAVE, Map.of("agent_id", agentId)));
    }

    private static JsonNode onlyEvent(String agentId, String type) {
        List<byte[]> payloads = platform.jdbc().sql("""
                        SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> row.getBytes(1)).list();
        assertThat(payloads).as(type + " events of " + agentId).hasSize(1);
        try {
            return JSON.readTree(payloads.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String finalAnswer(String text, int in, int out) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion", "created", 1764144000,
                    "model", SERVER_MODEL,
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                            "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
