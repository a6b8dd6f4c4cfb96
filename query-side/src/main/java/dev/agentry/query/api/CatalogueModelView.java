package dev.agentry.query.api;

import dev.agentry.command.api.ModelDefinition;

/**
 * A catalogue model as registered last, and whether tier resolution may choose it.
 *
 * @param name the canonical name, e.g. {@code claude-sonnet-4-5}
 */
public record CatalogueModelView(String name, ModelDefinition definition, boolean enabled) {
}
