package dev.agentry.infra.mcp;

import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

class ToolCallHandlerTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Caller ROOT = new Caller("user-root", "root", Role.ADMIN);

    record Echo(String word, Integer count) {
    }

    record Echoed(String word, String by) {
    }

    /** Echoes its argument; the input schema is the only guard on "count". */
    private static final class EchoTool implements McpTool<Echo> {

        final AtomicInteger executions = new AtomicInteger();
        final boolean adminOnly;
        RuntimeException failure;

        EchoTool(boolean adminOnly) {
            this.adminOnly = adminOnly;
        }

        @Override
        public McpSchema.Tool definition() {
            return McpToolDefinition.of("echo", "Echo", "echoes",
                    JsonSchema.object().optional("word", JsonSchema.string())
                            .optional("count", JsonSchema.integer().with("minimum", 1)).build(),
                    JsonSchema.object().required("word", JsonSchema.string().nullable())
                            .required("by", JsonSchema.string()).build(),
                    ToolHints.READS_ONLY);
        }

        @Override
        public Echo bind(ToolArguments arguments) {
            return arguments.as(Echo.class);
        }

        @Override
        public Echoed execute(Caller caller, Echo arguments) {
            executions.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return new Echoed(arguments.word(), caller.username());
        }

        @Override
        public boolean adminOnly() {
            return adminOnly;
        }
    }

    @Test
    void aSuccessCarriesTheStructuredResultAndTheSameJsonAsText() {
        EchoTool tool = new EchoTool(false);

        CallToolResult result = ToolCalls.call(tool, ALICE, Map.of("word", "hi"));

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("word", "hi", "by", "alice"));
        assertThat(ToolCalls.structured(tool, result)).containsEntry("word", "hi");
        assertThat(text(result)).isEqualTo("{\"word\":\"hi\",\"by\":\"alice\"}");
    }

    @Test
    void anArgumentTheSchemaDoesNotDeclareIsRefusedBeforeTheToolRuns() {
        EchoTool tool = new EchoTool(false);

        assertThat(errorText(ToolCalls.call(tool, ALICE, Map.of("word", "hi", "colour", "red"))))
                .startsWith("invalid_argument: ").contains("colour");
        assertThat(tool.executions).hasValue(0);
    }

    @Test
    void aValueOutsideTheInputSchemaIsRefusedNamingTheArgumentBeforeTheToolRuns() {
        EchoTool tool = new EchoTool(false);

        String text = errorText(ToolCalls.call(tool, ALICE, Map.of("count", 0)));

        assertThat(text).startsWith("invalid_argument: ").contains("count");
        assertThat(tool.executions).hasValue(0);
    }

    @Test
    void anAdminToolRefusesAUserAndDoesNotRun() {
        EchoTool tool = new EchoTool(true);

        assertThat(errorText(ToolCalls.call(tool, ALICE, Map.of()))).isEqualTo("permission_denied: echo requires the ADMIN role");
        assertThat(tool.executions).hasValue(0);
        assertThat(ToolCalls.call(tool, ROOT, Map.of()).isError()).isFalse();
    }

    @Test
    void aCallWithoutACallerIsRefused() {
        EchoTool tool = new EchoTool(false);

        assertThat(errorText(ToolCalls.call(tool, null, Map.of())))
                .isEqualTo("permission_denied: the call carries no valid bearer token");
        assertThat(tool.executions).hasValue(0);
    }

    @Test
    void whateverTheToolThrowsBecomesAnErrorResultInsteadOfAnException() {
        EchoTool tool = new EchoTool(false);
        tool.failure = new IllegalStateException("connection pool of dev.agentry.Secret exhausted");

        String text = errorText(ToolCalls.call(tool, ALICE, Map.of()));

        assertThat(text).matches("internal: unexpected error \\(reference [0-9a-f]{8}\\)");
    }

    @Test
    void missingArgumentsReadAsNone() {
        EchoTool tool = new EchoTool(false);

        CallToolResult result = ToolCalls.call(tool, ALICE, null);

        assertThat(result.isError()).isFalse();
        assertThat(ToolCalls.structured(tool, result)).containsEntry("by", "alice");
    }
}
