package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets tier resolution choose the model again; enabling an enabled model changes nothing. */
public record EnableModel(String name) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return RegisterModel.aggregateIdentifierOf(name);
    }
}
