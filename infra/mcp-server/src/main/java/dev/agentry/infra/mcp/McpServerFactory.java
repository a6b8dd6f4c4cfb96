package dev.agentry.infra.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** Builds the one MCP server of a transport, serving every {@link McpTool} bean. */
@Component
class McpServerFactory {

    static final String SERVER_NAME = "agentry";

    private final List<McpTool<?>> tools;
    private final McpJsonMapper jsonMapper;
    private final JsonSchemaValidator schemaValidator;
    private final ToolCallTelemetry telemetry;

    McpServerFactory(List<McpTool<?>> tools, McpJsonMapper mcpJsonMapper, JsonSchemaValidator mcpSchemaValidator,
                     ObjectProvider<OpenTelemetry> openTelemetry, McpErrorLog errors) {
        this.tools = tools.stream().sorted(Comparator.comparing(tool -> tool.definition().name())).toList();
        this.jsonMapper = mcpJsonMapper;
        this.schemaValidator = mcpSchemaValidator;
        this.telemetry = new ToolCallTelemetry(openTelemetry.getIfAvailable(OpenTelemetry::noop), errors);
    }

    /**
     * @param onTransportThread run each call on the thread the transport delivered it on, which must be
     *                          allowed to block (a servlet thread; the stdio reader, which then answers
     *                          requests in order), instead of handing it to another pool
     */
    McpSyncServer build(McpServer.SyncSpecification<?> specification, CallerResolver callers, boolean onTransportThread) {
        List<SyncToolSpecification> specifications = tools.stream()
                .<SyncToolSpecification>map(tool -> ToolCallHandler.specification(tool, callers, jsonMapper, schemaValidator, telemetry))
                .toList();
        return specification
                .serverInfo(SERVER_NAME, serverVersion())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(schemaValidator)
                // the tools parse and schema-check their own arguments so that errors carry a public code
                .validateToolInputs(false)
                .immediateExecution(onTransportThread)
                .tools(specifications)
                .build();
    }

    private static String serverVersion() {
        String version = McpServerFactory.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
