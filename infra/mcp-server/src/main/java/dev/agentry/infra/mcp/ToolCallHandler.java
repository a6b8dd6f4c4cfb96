package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one {@link McpTool} for the MCP SDK and never throws: a handler that throws makes the SDK
 * answer -32603 with the exception text and can drop the connection.
 */
final class ToolCallHandler<A> implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

    private static final String VALIDATOR_PREFIX = "Validation failed: JSON schema validation errors: ";
    private static final Pattern JSON_POINTER = Pattern.compile("(^|, )(/[^:, ]+):");
    private static final Pattern ROOT = Pattern.compile("(^|, ): ");
    private static final Pattern RULE_WITHOUT_WORDS = Pattern.compile(
            "(^|, )(/[^:, ]*|): (does not match the regex pattern \\S+|must have at least \\d+ properties)");

    private final McpTool<A> tool;
    private final McpSchema.Tool definition;
    private final String name;
    private final Map<String, Object> inputSchema;
    private final CallerResolver callers;
    private final McpJsonMapper jsonMapper;
    private final JsonSchemaValidator schemaValidator;
    private final ToolCallTelemetry telemetry;

    /** Untraced, for calls outside a server. */
    ToolCallHandler(McpTool<A> tool, CallerResolver callers, McpJsonMapper jsonMapper, JsonSchemaValidator schemaValidator) {
        this(tool, callers, jsonMapper, schemaValidator, new ToolCallTelemetry(OpenTelemetry.noop()));
    }

    ToolCallHandler(McpTool<A> tool, CallerResolver callers, McpJsonMapper jsonMapper, JsonSchemaValidator schemaValidator,
                    ToolCallTelemetry telemetry) {
        McpSchema.Tool definition = tool.definition();
        this.tool = tool;
        this.definition = definition;
        this.name = definition.name();
        this.inputSchema = definition.inputSchema();
        this.callers = callers;
        this.jsonMapper = jsonMapper;
        this.schemaValidator = schemaValidator;
        this.telemetry = telemetry;
    }

    static <A> SyncToolSpecification specification(McpTool<A> tool, CallerResolver callers, McpJsonMapper jsonMapper,
                                                   JsonSchemaValidator schemaValidator, ToolCallTelemetry telemetry) {
        ToolCallHandler<A> handler = new ToolCallHandler<>(tool, callers, jsonMapper, schemaValidator, telemetry);
        return new SyncToolSpecification(handler.definition, handler);
    }

    @Override
    public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
        try (ToolCallTelemetry.Call call = telemetry.start(name)) {
            return apply(exchange, request, call);
        }
    }

    private CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request, ToolCallTelemetry.Call call) {
        try {
            Caller caller = callers.resolve(exchange)
                    .orElseThrow(() -> ToolFailure.permissionDenied("the call carries no valid bearer token"));
            call.caller(caller.userId());
            if (tool.adminOnly() && !caller.isAdmin()) {
                throw ToolFailure.permissionDenied(name + " requires the ADMIN role");
            }
            Map<String, Object> rawArguments = request.arguments() == null ? Map.of() : request.arguments();
            return success(ToolJson.answer(tool.execute(caller, arguments(rawArguments))));
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            ToolFailure failure = ToolExceptionTranslator.translate(name, thrown);
            call.failed(failure);
            return failure(failure);
        }
    }

    /** The call's arguments, checked against the input schema (the one check of their shape) and bound. */
    A arguments(Map<String, Object> rawArguments) {
        requireSchemaConformance(rawArguments);
        return tool.bind(new ToolArguments(rawArguments, ToolJson.MAPPER));
    }

    /** The validator's messages name the argument and what it must be. */
    private void requireSchemaConformance(Map<String, Object> rawArguments) {
        JsonSchemaValidator.ValidationResponse validation = schemaValidator.validate(inputSchema, rawArguments);
        if (!validation.valid()) {
            String errors = validation.errorMessage() == null ? "" : readable(validation.errorMessage(), inputSchema);
            throw ToolFailure.invalidArgument(errors.isBlank() ? "the arguments do not match the input schema" : errors);
        }
    }

    /**
     * "[/schedule/cron: ...]" as "schedule.cron: ...", the argument as the caller wrote it; where the
     * validator only quotes the rule (a pattern, a least number of properties), the schema's description
     * of the argument says it in words.
     */
    static String readable(String validatorMessage, Map<String, Object> inputSchema) {
        String errors = validatorMessage.replace(VALIDATOR_PREFIX, "").strip();
        if (errors.startsWith("[") && errors.endsWith("]")) {
            errors = errors.substring(1, errors.length() - 1);
        }
        String explained = RULE_WITHOUT_WORDS.matcher(errors).replaceAll(error -> {
            String description = descriptionAt(inputSchema, error.group(2));
            return Matcher.quoteReplacement(error.group() + (description == null ? "" : " (" + description + ")"));
        });
        String named = JSON_POINTER.matcher(explained).replaceAll(pointer -> pointer.group(1)
                + pointer.group(2).substring(1).replace('/', '.') + ":");
        // the arguments object itself has the empty pointer
        return ROOT.matcher(named).replaceAll("$1");
    }

    private static String descriptionAt(Map<String, Object> schema, String pointer) {
        Object node = schema;
        for (String name : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
            Object properties = node instanceof Map<?, ?> object ? object.get("properties") : null;
            node = properties instanceof Map<?, ?> declared ? declared.get(name) : null;
        }
        return node instanceof Map<?, ?> object && object.get("description") instanceof String description
                ? description : null;
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
