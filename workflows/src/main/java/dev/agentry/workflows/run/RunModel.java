package dev.agentry.workflows.run;

import java.util.Objects;

/**
 * The model a run talks to, as resolved from the agent's tier or explicit model when the run began.
 *
 * @param name            the canonical model name, recorded with the run's outcome
 * @param provider        the provider's name as the catalogue spells it, e.g. {@code openai-compatible}
 * @param providerModelId the provider's own id for the model
 * @param thinking        whether the model should reason before answering (the {@code deep} tier)
 */
public record RunModel(String name, String provider, String providerModelId, boolean thinking) {

    public RunModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerModelId, "providerModelId");
    }
}
