package dev.agentry.command.api;

import java.util.List;

/**
 * What the catalogue says about a model: everything but its canonical name and whether it is enabled.
 *
 * @param rank      order among the models of the same tier: lower ranks are tried first
 * @param offerings the providers that serve the model, at most one per provider
 */
public record ModelDefinition(
        String friendlyName,
        ReasoningTier tier,
        ModelCapabilities capabilities,
        List<ModelOffering> offerings,
        int rank) {

    public ModelDefinition {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }
}
