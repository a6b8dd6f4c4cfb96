package dev.agentry.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A provider answered one of the model's offerings as unknown or retired. Recording it for an offering the
 * model no longer has (its id changed since), or a second time, changes nothing.
 *
 * @param reason what the provider answered, for the people who read {@code list_models}
 */
public record RecordModelOfferingNotFound(String name, String provider, String modelId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return RegisterModel.aggregateIdentifierOf(name);
    }
}
