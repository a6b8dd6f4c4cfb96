package dev.agentry.infra.mcp;

import io.modelcontextprotocol.spec.McpSchema;

/** The one way a tool is described to clients, so that every tool carries the same parts. */
public final class McpToolDefinition {

    private McpToolDefinition() {
    }

    public static McpSchema.Tool of(String name, String title, String description,
                                    JsonSchema inputSchema, JsonSchema outputSchema, ToolHints hints) {
        return McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema.toMap())
                .outputSchema(outputSchema.toMap())
                .annotations(new McpSchema.ToolAnnotations(title, hints.readOnly(), hints.destructive(),
                        hints.idempotent(), hints.openWorld(), null))
                .build();
    }
}
