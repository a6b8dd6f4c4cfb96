package dev.agentry.infra.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code agentry.logging.format=json}: a line logged inside a traced MCP call is JSON naming the call's trace. */
class JsonLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = "looking at the clock for the caller";

    @TempDir
    Path home;

    /** A tool that logs while it runs, as any tool may. */
    private static final class LoggingTool implements McpTool<Void> {
        @Override
        public McpSchema.Tool definition() {
            return McpToolDefinition.of("log_a_line", "Log a line", "Logs one line.", JsonSchema.object().build(),
                    JsonSchema.object().build(), ToolHints.READS_ONLY);
        }

        @Override
        public Void bind(ToolArguments arguments) {
            return null;
        }

        @Override
        public Object execute(Caller caller, Void arguments) {
            LoggerFactory.getLogger("dev.agentry.infra.mcp.test").info(MESSAGE);
            return Map.of();
        }
    }

    @Test
    void aLineLoggedInsideATracedMcpCallIsOneJsonObjectCarryingTheCallsTraceId() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, console), true, StandardCharsets.UTF_8));
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             OtlpReceiver collector = OtlpReceiver.start();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.logging.format=json",
                     "otel.exporter.otlp.endpoint=" + collector.endpoint(),
                     "otel.exporter.otlp.protocol=http/protobuf",
                     "otel.metrics.exporter=none",
                     "otel.bsp.schedule.delay=100")) {
            ToolCalls.callTraced(new LoggingTool(), new Caller("user-alice", "alice", Role.USER), Map.of(),
                    platform.bean(OpenTelemetry.class));

            Span call = await().atMost(Duration.ofSeconds(10)).until(() -> collector.spans().stream()
                    .filter(span -> span.getName().equals("tools/call log_a_line")).findFirst().orElse(null), span -> span != null);
            List<JsonNode> lines = console.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains(MESSAGE)).map(JsonLoggingTest::json).toList();
            assertThat(lines).singleElement().satisfies(line -> {
                assertThat(line.path("message").asText()).isEqualTo(MESSAGE);
                assertThat(line.path("trace_id").asText()).isEqualTo(OtlpReceiver.traceId(call));
                assertThat(line.path("span_id").asText()).hasSize(16);
            });
        } finally {
            System.setOut(original);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            throw new AssertionError("not one JSON object: " + line, notJson);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
