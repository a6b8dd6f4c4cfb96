package dev.agentry.query.api;

/** Callers ask with {@code ResponseTypes.optionalInstanceOf(CatalogueModelView.class)}. */
public record FindCatalogueModel(String name) {
}
