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

import dev.agentry.infra.llm.circuit.ProviderCircuitBreakers;
import dev.agentry.infra.llm.circuit.RecordedProviderCircuits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tier resolution over the catalogue as it is now and the providers configured now. */
@Component
class CurrentModelResolver implements CurrentModels {

    private static final Logger log = LoggerFactory.getLogger(CurrentModelResolver.class);

    private final QueryGateway queries;
    private final LlmGateway providers;
    private final ProviderPreferenceProperties properties;
    private final ProviderCircuitBreakers breakers;
    private final RecordedProviderCircuits recordedBreakers;

    CurrentModelResolver(QueryGateway queries, LlmGateway providers, ProviderPreferenceProperties properties,
                         ProviderCircuitBreakers breakers, RecordedProviderCircuits recordedBreakers) {
        this.queries = queries;
        this.providers = providers;
        this.properties = properties;
        this.breakers = breakers;
        this.recordedBreakers = recordedBreakers;
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

    /**
     * A provider whose breaker is open on this node, or on any live node, is sidelined: runs prepared on any
     * node pass it over and {@code list_models} says why, on an API node too. Its breaker counts on each
     * node; the node that opened it lets a call through after the cool-down and so brings it back.
     */
    ProviderSetup providerSetup() {
        Map<String, String> sidelined = new TreeMap<>(breakers.openProviders());
        try {
            recordedBreakers.openOnLiveNodes().forEach(sidelined::putIfAbsent);
        } catch (RuntimeException unreadable) {
            log.warn("The other nodes' circuit breakers are unknown for now: {}", unreadable.toString());
        }
        return new ProviderSetup(providers.availableProviders(), properties.preference(),
                properties.openAiCompatibleModels(), sidelined);
    }
}
