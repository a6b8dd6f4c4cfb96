package dev.agentry.command.api;

/** The catalogue's definition of a model changed; carries the complete new definition. */
public record ModelRedefined(String name, ModelDefinition definition) {
}
