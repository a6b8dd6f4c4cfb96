package dev.agentry.infra.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

/** The one way a tool is described to clients, so that every tool carries the same parts. */
public final class McpToolDefinition {

    private McpToolDefinition() {
    }

    /**
     * @param inputSchema  the JSON schema of the arguments, written out in full
     * @param outputSchema the JSON schema of the structured result, written out in full
     */
    public static McpSchema.Tool of(String name, String title, String description,
                                    String inputSchema, String outputSchema, ToolHints hints) {
        return McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(McpJsonDefaults.getMapper(), inputSchema)
                .outputSchema(McpJsonDefaults.getMapper(), outputSchema)
                .annotations(new McpSchema.ToolAnnotations(title, hints.readOnly(), hints.destructive(),
                        hints.idempotent(), hints.openWorld(), null))
                .build();
    }
}
