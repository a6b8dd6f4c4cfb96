package dev.agentry.query.api;

/**
 * Every model of the catalogue, enabled or not, ordered by tier (basic first), then rank, then name.
 * Callers ask with {@code ResponseTypes.multipleInstancesOf(CatalogueModelView.class)}.
 */
public record ListCatalogueModels() {
}
