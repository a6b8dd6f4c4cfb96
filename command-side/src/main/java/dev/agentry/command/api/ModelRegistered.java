package dev.agentry.command.api;

/** A model entered the catalogue, enabled. */
public record ModelRegistered(String name, ModelDefinition definition) {
}
