package dev.agentry.workflows.llm;

import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param jsonSchema the JSON schema of the tool's arguments, an object schema written out as JSON
 */
public record ToolDefinition(String name, String description, String jsonSchema) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        jsonSchema = jsonSchema == null || jsonSchema.isBlank() ? "{\"type\":\"object\"}" : jsonSchema;
    }
}
