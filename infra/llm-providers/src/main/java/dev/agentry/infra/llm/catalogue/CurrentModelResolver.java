package dev.agentry.infra.llm.catalogue;

import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.ListCatalogueModels;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ProviderSetup;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** Tier resolution over the catalogue as it is now and the providers configured now. */
@Component
class CurrentModelResolver implements CurrentModels {

    private final QueryGateway queries;
    private final LlmGateway providers;
    private final ProviderPreferenceProperties properties;

    CurrentModelResolver(QueryGateway queries, LlmGateway providers, ProviderPreferenceProperties properties) {
        this.queries = queries;
        this.providers = providers;
        this.properties = properties;
    }

    @Override
    public ModelResolver now() {
        return over(queries.query(new ListCatalogueModels(), ResponseTypes.multipleInstancesOf(CatalogueModelView.class))
                .join());
    }

    @Override
    public ModelResolver over(List<CatalogueModelView> catalogue) {
        return new ModelResolver(catalogue, providerSetup());
    }

    ProviderSetup providerSetup() {
        return new ProviderSetup(providers.availableProviders(), properties.preference(),
                properties.openAiCompatibleModels());
    }
}
