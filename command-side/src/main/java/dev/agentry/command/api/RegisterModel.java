package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds the model to the catalogue, or brings its definition up to date; an unchanged definition
 * changes nothing, so the catalogue file can be registered at every start.
 */
public record RegisterModel(String name, ModelDefinition definition) {

    private static final String AGGREGATE_PREFIX = "model:";

    /**
     * Agents, users and models share the event store's identifiers; the prefix keeps a model named
     * like a user id (e.g. {@code user-admin}) apart from that user.
     */
    public static String aggregateIdentifierOf(String modelName) {
        return AGGREGATE_PREFIX + modelName;
    }

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return aggregateIdentifierOf(name);
    }
}
