package dev.agentry.workflows.model;

import dev.agentry.query.api.CatalogueModelView;

import java.util.List;

/** Tier resolution over the model catalogue and the providers configured on this node right now. */
public interface CurrentModels {

    /** Reads the catalogue read model; blocks until it answers. */
    ModelResolver now();

    /** For a caller that has read the catalogue itself, e.g. within its own timeout. */
    ModelResolver over(List<CatalogueModelView> catalogue);
}
