package dev.agentry.infra.llm;

import dev.agentry.infra.llm.circuit.ProviderCircuitBreakers;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sends each request to the provider the model catalogue named, through that provider's circuit breaker. */
final class ProviderRoutingLlmGateway implements LlmGateway {

    private final Map<String, LlmProvider> providersByName;
    private final ProviderCircuitBreakers breakers;

    ProviderRoutingLlmGateway(Collection<? extends LlmProvider> providers, ProviderCircuitBreakers breakers) {
        this.providersByName = providers.stream().collect(Collectors.toMap(LlmProvider::name, Function.identity()));
        this.breakers = breakers;
    }

    @Override
    public LlmResponse complete(String providerName, LlmRequest request) throws LlmCallFailure {
        LlmProvider provider = providersByName.get(providerName);
        if (provider == null || !provider.available()) {
            throw LlmFailureClassifier.unavailable(providerName);
        }
        return breakers.call(providerName, () -> provider.complete(request));
    }

    @Override
    public Set<String> availableProviders() {
        return providersByName.values().stream()
                .filter(LlmProvider::available)
                .map(LlmProvider::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
