package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keeps tier resolution from choosing the model; disabling a disabled model changes nothing. */
public record DisableModel(String name) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return RegisterModel.aggregateIdentifierOf(name);
    }
}
