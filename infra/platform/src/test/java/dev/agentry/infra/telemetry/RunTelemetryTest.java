package dev.agentry.infra.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
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
import java.util.UUID;

import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform with Temporal's in-memory service, exporting over OTLP/HTTP to a receiver in the test,
 * one run through a local chat-completions server that asks for {@code current_time}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunTelemetryTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final String SERVER_MODEL = "llama-3.3-70b-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static FakeVendorServer llm;
    private static OtlpReceiver collector;
    private static RunningPlatform platform;

    @BeforeAll
    static void startThePlatformExportingToTheReceiver() {
        database = PostgresTestDatabase.create();
        llm = FakeVendorServer.start();
        collector = OtlpReceiver.start();
        platform = RunningPlatform.start(database, home,
                "agentry.temporal.enabled=true",
                "agentry.providers.openai-compatible.base-url=" + llm.url() + "/v1",
                "agentry.providers.openai-compatible.models.standard=" + SERVER_MODEL,
                "agentry.providers.preference=openai-compatible",
                "otel.exporter.otlp.endpoint=" + collector.endpoint(),
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.bsp.schedule.delay=100",
                "otel.metric.export.interval=500");
        platform.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopEverything() {
        if (platform != null) {
            platform.close();
        }
        collector.close();
        llm.close();
        database.close();
    }

    @Test
    @Order(1)
    void oneRunAgentNowIsOneTraceFromTheMcpCallThroughTheRunToTheModelAndTheTool() {
        String agentId = createAgent("clock reader", List.of("current_time"));
        llm.answer(200, toolCallAnswer("call_time_1", "current_time", "{\"timezone\":\"Europe/Berlin\"}", 120, 18))
                .answer(200, finalAnswer("It is morning in Berlin.", 160, 25));

        Map<String, Object> started = structured(runAgentNow(), ToolCalls.callTraced(runAgentNow(), ALICE,
                Map.of("agent_id", agentId), platform.bean(OpenTelemetry.class)));
        String runId = started.get("run_id").toString();

        Span mcp = await().atMost(Duration.ofSeconds(30)).until(() -> spanNamed("tools/call run_agent_now", runId), span -> span != null);
        String traceId = OtlpReceiver.traceId(mcp);
        await().atMost(Duration.ofSeconds(30)).until(() -> spansOf(traceId).stream().filter(span -> span.getName().startsWith("chat ")).count() == 2
                && spansOf(traceId).stream().anyMatch(RunTelemetryTest::completedRun));

        List<Span> trace = spansOf(traceId);
        assertThat(OtlpReceiver.attributes(mcp.getAttributesList()))
                .containsEntry("mcp.method.name", "tools/call")
                .containsEntry("gen_ai.tool.name", "run_agent_now")
                .containsEntry("enduser.id", ALICE.userId());
        assertThat(mcp.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(trace).filteredOn(RunTelemetryTest::completedRun).singleElement()
                .satisfies(run -> assertThat(OtlpReceiver.attributes(run.getAttributesList()))
                        .containsEntry("gen_ai.agent.id", agentId)
                        .containsEntry("gen_ai.agent.name", "clock reader"));
        List<Map<String, Object>> chats = trace.stream().filter(span -> span.getName().equals("chat " + SERVER_MODEL))
                .map(span -> OtlpReceiver.attributes(span.getAttributesList())).toList();
        assertThat(chats).extracting(chat -> chat.get("gen_ai.usage.input_tokens")).containsExactlyInAnyOrder(120L, 160L);
        assertThat(chats).extracting(chat -> chat.get("gen_ai.usage.output_tokens")).containsExactlyInAnyOrder(18L, 25L);
        assertThat(chats).extracting(chat -> chat.get("gen_ai.response.finish_reasons"))
                .containsExactlyInAnyOrder(List.of("tool_calls"), List.of("stop"));
        assertThat(chats).allSatisfy(chat -> assertThat(chat)
                .containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "openai-compatible")
                .containsEntry("gen_ai.request.model", SERVER_MODEL)
                .containsEntry("gen_ai.response.model", SERVER_MODEL)
                .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages"));
        assertThat(trace).filteredOn(span -> span.getName().equals("execute_tool current_time")).singleElement()
                .satisfies(tool -> assertThat(OtlpReceiver.attributes(tool.getAttributesList()))
                        .containsEntry("gen_ai.tool.name", "current_time")
                        .containsEntry("gen_ai.tool.call.id", "call_time_1"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(tokenSum("input")).isGreaterThanOrEqualTo(280);
            assertThat(tokenSum("output")).isGreaterThanOrEqualTo(43);
        });
        assertThat(tokenSum("input")).isEqualTo(280);
        assertThat(tokenSum("output")).isEqualTo(43);
        assertThat(latestMetric("gen_ai.client.operation.duration")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latestMetric("agentry.runs")).isNotNull());
        assertThat(latestMetric("agentry.event_processor.lag").getGauge().getDataPointsList())
                .extracting(point -> OtlpReceiver.attributes(point.getAttributesList()).get("agentry.event_processor.name"))
                .contains("temporal-sync");
    }

    /**
     * A scheduled run belongs to the trace that started the schedule (start_agent's command, its event and
     * temporal-sync's signal-with-start), however long after it fires. (A running agent's manual run goes
     * through its schedule's triggerNow signal, whose header the in-memory service drops: its trace is not
     * checked here.)
     */
    @Test
    @Order(2)
    void aScheduledRunIsInTheTraceThatStartedItsSchedule() {
        String agentId = createAgent("minutely", List.of(), new Schedule("* * * * *", "UTC"));
        for (int answers = 0; answers < 4; answers++) {
            llm.answer(200, finalAnswer("Done.", 30, 4));
        }
        platform.send(new StartAgent(agentId, ALICE.userId()), ALICE.userId(), ALICE.username());
        try {
            Map<String, Object> started = structured(runAgentNow(), ToolCalls.callTraced(runAgentNow(), ALICE,
                    Map.of("agent_id", agentId), platform.bean(OpenTelemetry.class)));
            String manualRunId = started.get("run_id").toString();

            await().atMost(Duration.ofSeconds(30)).until(() -> completedRunOf(manualRunId), span -> span != null);

            Span scheduledRun = await().atMost(Duration.ofSeconds(75)).until(() -> collector.spans().stream()
                    .filter(RunTelemetryTest::completedRun)
                    .filter(span -> agentId.equals(OtlpReceiver.attributes(span.getAttributesList()).get("gen_ai.agent.id")))
                    .filter(span -> !OtlpReceiver.attributes(span.getAttributesList()).get("agentry.run.id").toString().contains("-manual-"))
                    .findFirst().orElse(null), span -> span != null);
            assertThat(OtlpReceiver.attributes(scheduledRun.getAttributesList())).containsEntry("gen_ai.agent.name", "minutely");
            assertThat(spansOf(OtlpReceiver.traceId(scheduledRun))).extracting(Span::getName)
                    .contains("SignalWithStartWorkflow:AgentScheduleWorkflow");
        } finally {
            platform.send(new StopAgent(agentId, ALICE.userId()), ALICE.userId(), ALICE.username());
        }
    }

    private static Span completedRunOf(String runId) {
        return collector.spans().stream().filter(RunTelemetryTest::completedRun)
                .filter(span -> runId.equals(OtlpReceiver.attributes(span.getAttributesList()).get("agentry.run.id")))
                .findFirst().orElse(null);
    }

    /**
     * Against the in-memory service every workflow task replays the run on a fresh copy, each one a span
     * marked evicted; the span of the copy that completed the run is the run's.
     */
    private static boolean completedRun(Span span) {
        return span.getName().equals("invoke_agent") && !OtlpReceiver.attributes(span.getAttributesList()).containsKey("evicted");
    }

    private static McpTool<?> runAgentNow() {
        return platform.beans(McpTool.class).stream().map(tool -> (McpTool<?>) tool)
                .filter(tool -> tool.definition().name().equals("run_agent_now")).findFirst().orElseThrow();
    }

    private static Span spanNamed(String name, String runId) {
        return collector.spans().stream().filter(span -> span.getName().equals(name)).reduce((first, second) -> second).orElse(null);
    }

    private static List<Span> spansOf(String traceId) {
        return collector.spans().stream().filter(span -> OtlpReceiver.traceId(span).equals(traceId)).toList();
    }

    /** Cumulative: the latest export holds every token so far. */
    private static long tokenSum(String type) {
        Metric usage = latestMetric("gen_ai.client.token.usage");
        if (usage == null) {
            return 0;
        }
        return usage.getHistogram().getDataPointsList().stream()
                .filter(point -> type.equals(OtlpReceiver.attributes(point.getAttributesList()).get("gen_ai.token.type")))
                .mapToLong(point -> (long) point.getSum()).sum();
    }

    private static Metric latestMetric(String name) {
        return collector.metrics().stream().filter(metric -> metric.getName().equals(name))
                .reduce((first, second) -> second).orElse(null);
    }

    private static String createAgent(String name, List<String> tools) {
        return createAgent(name, tools, new Schedule("0 8 * * *", "UTC"));
    }

    private static String createAgent(String name, List<String> tools, Schedule schedule) {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, ALICE.userId(), new AgentSettings(name, "Tell the time in Berlin.",
                ReasoningTier.STANDARD, null, schedule, tools,
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), ALICE.userId(), ALICE.username());
        return agentId;
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
}
