package dev.agentry.query.api;

import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A catalogue model as registered last, and whether tier resolution may choose it.
 *
 * @param name        the canonical name, e.g. {@code claude-sonnet-4-5}
 * @param retirements the offerings whose provider answered their model id as unknown or retired
 */
public record CatalogueModelView(String name, ModelDefinition definition, boolean enabled,
                                 List<OfferingRetirement> retirements) {

    /** @param reason what the provider answered */
    public record OfferingRetirement(String provider, String modelId, String reason, Instant at) {
    }

    public CatalogueModelView {
        retirements = retirements == null ? List.of() : List.copyOf(retirements);
    }

    public CatalogueModelView(String name, ModelDefinition definition, boolean enabled) {
        this(name, definition, enabled, List.of());
    }

    /** The retirement of this offering; one recorded for another model id (before a redefinition) does not count. */
    public Optional<OfferingRetirement> retirementOf(ModelOffering offering) {
        return retirements.stream()
                .filter(retirement -> retirement.provider().equals(offering.provider())
                        && retirement.modelId().equals(offering.modelId()))
                .findFirst();
    }

    public CatalogueModelView withEnabled(boolean enabledNow) {
        return new CatalogueModelView(name, definition, enabledNow, retirements);
    }
}
