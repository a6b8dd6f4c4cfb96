package dev.agentry.infra.mcp;

import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Runs one {@link McpTool} for the MCP SDK and never throws: a handler that throws makes the SDK
 * answer -32603 with the exception text and can drop the connection.
 */
final class ToolCallHandler<A> implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

    private static final String VALIDATOR_PREFIX = "Validation failed: JSON schema validation errors: ";

    private final McpTool<A> tool;
    private final McpSchema.Tool definition;
    private final String name;
    private final Set<String> declaredArguments;
    private final Map<String, Object> inputSchema;
    private final CallerResolver callers;
    private final McpJsonMapper jsonMapper;
    private final JsonSchemaValidator schemaValidator;

    ToolCallHandler(McpTool<A> tool, CallerResolver callers, McpJsonMapper jsonMapper, JsonSchemaValidator schemaValidator) {
        McpSchema.Tool definition = tool.definition();
        this.tool = tool;
        this.definition = definition;
        this.name = definition.name();
        this.inputSchema = definition.inputSchema();
        this.declaredArguments = inputSchema.get("properties") instanceof Map<?, ?> properties
                ? properties.keySet().stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()) : Set.of();
        this.callers = callers;
        this.jsonMapper = jsonMapper;
        this.schemaValidator = schemaValidator;
    }

    static <A> SyncToolSpecification specification(McpTool<A> tool, CallerResolver callers, McpJsonMapper jsonMapper,
                                                   JsonSchemaValidator schemaValidator) {
        ToolCallHandler<A> handler = new ToolCallHandler<>(tool, callers, jsonMapper, schemaValidator);
        return new SyncToolSpecification(handler.definition, handler);
    }

    @Override
    public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
        try {
            Caller caller = callers.resolve(exchange)
                    .orElseThrow(() -> ToolFailure.permissionDenied("the call carries no valid bearer token"));
            if (tool.adminOnly() && !caller.isAdmin()) {
                throw ToolFailure.permissionDenied(name + " requires the ADMIN role");
            }
            Map<String, Object> rawArguments = request.arguments() == null ? Map.of() : request.arguments();
            A arguments = tool.parse(ToolArguments.of(rawArguments, declaredArguments));
            requireSchemaConformance(rawArguments);
            return success(tool.execute(caller, arguments));
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            return failure(ToolExceptionTranslator.translate(name, thrown));
        }
    }

    /** The tool's own parsing explains problems better; this catches whatever it might have missed. */
    private void requireSchemaConformance(Map<String, Object> rawArguments) {
        JsonSchemaValidator.ValidationResponse validation = schemaValidator.validate(inputSchema, rawArguments);
        if (!validation.valid()) {
            String errors = validation.errorMessage() == null ? "" : validation.errorMessage().replace(VALIDATOR_PREFIX, "");
            throw ToolFailure.invalidArgument("the arguments do not match the input schema: " + errors);
        }
    }

    private CallToolResult success(Map<String, Object> structured) throws IOException {
        return CallToolResult.builder()
                .structuredContent(structured)
                .content(List.of(new McpSchema.TextContent(jsonMapper.writeValueAsString(structured))))
                .isError(false)
                .build();
    }

    private static CallToolResult failure(ToolFailure failure) {
        return CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(failure.resultText())))
                .isError(true)
                .build();
    }
}
