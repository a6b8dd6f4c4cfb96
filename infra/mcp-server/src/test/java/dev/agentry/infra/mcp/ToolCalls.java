package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Calls a tool the way the MCP server does (same handler), without a transport. */
public final class ToolCalls {

    public static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
    public static final JsonSchemaValidator SCHEMAS = new DefaultJsonSchemaValidator(new ObjectMapper());
    public static final McpProperties PROPERTIES = new McpProperties(Duration.ofSeconds(5), null, Duration.ofMinutes(30), List.of());

    private ToolCalls() {
    }

    public static CallToolResult call(McpTool<?> tool, Caller caller, Map<String, Object> arguments) {
        ToolCallHandler<?> handler = new ToolCallHandler<>(tool, exchange -> Optional.ofNullable(caller), JSON, SCHEMAS);
        return handler.apply(null, new McpSchema.CallToolRequest(tool.definition().name(), arguments));
    }

    /** As {@link #call}, traced and measured through this OpenTelemetry as the server does. */
    public static CallToolResult callTraced(McpTool<?> tool, Caller caller, Map<String, Object> arguments,
                                            OpenTelemetry openTelemetry) {
        ToolCallHandler<?> handler = new ToolCallHandler<>(tool, exchange -> Optional.ofNullable(caller), JSON, SCHEMAS,
                new ToolCallTelemetry(openTelemetry));
        return handler.apply(null, new McpSchema.CallToolRequest(tool.definition().name(), arguments));
    }

    /**
     * The arguments as the tool receives them: checked against its input schema and bound, as the server does.
     *
     * @throws ToolFailure as the call would answer
     */
    public static <A> A bound(McpTool<A> tool, Map<String, Object> arguments) {
        return new ToolCallHandler<>(tool, exchange -> Optional.empty(), JSON, SCHEMAS).arguments(arguments);
    }

    public static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** The failure text, after checking that the result is an error. */
    public static String errorText(CallToolResult result) {
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("expected an error result, got " + result);
        }
        return text(result);
    }

    /** The structured content, after checking that the result is a success that matches the tool's output schema. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(McpTool<?> tool, CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("expected a success, got " + text(result));
        }
        JsonSchemaValidator.ValidationResponse validation = SCHEMAS.validate(tool.definition().outputSchema(), result.structuredContent());
        if (!validation.valid()) {
            throw new AssertionError("result does not match the output schema: " + validation.errorMessage());
        }
        return (Map<String, Object>) result.structuredContent();
    }
}
