package dev.agentry.workflows.model;

import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a reasoning tier, or an explicit canonical model name, into the model and provider that
 * serve it now. Providers are tried in preference order; within a provider, the enabled models of
 * the tier by rank. The OpenAI-compatible provider serves the models its configuration names per tier.
 * Providers sidelined for now (an open circuit breaker) and offerings their provider answered as unknown
 * or retired are passed over.
 */
public final class ModelResolver {

    private static final String OPENAI_COMPATIBLE = ModelProvider.OPENAI_COMPATIBLE.wireName();
    private static final Comparator<CatalogueModelView> BY_RANK = Comparator
            .comparingInt((CatalogueModelView model) -> model.definition().rank())
            .thenComparing(CatalogueModelView::name);

    private final List<CatalogueModelView> catalogue;
    private final ProviderSetup providers;
    private final List<String> providerOrder;

    public ModelResolver(List<CatalogueModelView> catalogue, ProviderSetup providers) {
        this.catalogue = catalogue.stream().sorted(BY_RANK).toList();
        this.providers = providers;
        this.providerOrder = providers.providerOrder();
    }

    /** An agent's model: its explicit model when it has one, else its tier (the default tier when none). */
    public ModelResolution resolve(ReasoningTier tier, String explicitModel) {
        if (explicitModel != null && !explicitModel.isBlank()) {
            return resolveModel(explicitModel);
        }
        return resolveTier(tier == null ? ReasoningTier.DEFAULT : tier);
    }

    public ModelResolution resolveTier(ReasoningTier tier) {
        List<ResolvedModel> candidates = candidatesForTier(tier);
        return candidates.isEmpty()
                ? ModelResolution.unavailable(UnavailableReasons.forTier(tier, catalogue, providers, providerOrder))
                : ModelResolution.resolved(candidates.get(0));
    }

    /**
     * Every model that may serve the tier now, the one it resolves to first, then the rest in the order a run
     * moves to them: by provider preference, and within a provider by rank.
     */
    public List<ResolvedModel> candidatesForTier(ReasoningTier tier) {
        List<ResolvedModel> candidates = new ArrayList<>();
        for (String provider : providerOrder) {
            if (!providers.isAvailable(provider)) {
                continue;
            }
            if (provider.equals(OPENAI_COMPATIBLE)) {
                String configured = providers.openAiCompatibleModels().get(tier);
                if (configured != null) {
                    candidates.add(openAiCompatible(configured));
                }
                continue;
            }
            enabledModelsOf(tier).forEach(candidate ->
                    servableOffering(candidate, provider).ifPresent(offering -> candidates.add(resolved(candidate, offering))));
        }
        return List.copyOf(candidates);
    }

    /** The models a run of an agent may use, in order; an explicit model has no alternative. */
    public List<ResolvedModel> candidates(ReasoningTier tier, String explicitModel) {
        if (explicitModel != null && !explicitModel.isBlank()) {
            return resolveModel(explicitModel).asOptional().stream().toList();
        }
        return candidatesForTier(tier == null ? ReasoningTier.DEFAULT : tier);
    }

    /** An explicit canonical name: a catalogue model, or a model the OpenAI-compatible configuration names. */
    public ModelResolution resolveModel(String name) {
        Optional<CatalogueModelView> model = catalogue.stream().filter(entry -> entry.name().equals(name)).findFirst();
        if (model.isEmpty()) {
            if (providers.openAiCompatibleModels().containsValue(name)) {
                return providers.isAvailable(OPENAI_COMPATIBLE)
                        ? ModelResolution.resolved(openAiCompatible(name))
                        : ModelResolution.unavailable(UnavailableReasons.forOpenAiCompatibleModel(name, providers));
            }
            return ModelResolution.unavailable("model '%s' is not in the catalogue; list_models shows the models"
                    .formatted(name));
        }
        if (!model.get().enabled()) {
            return ModelResolution.unavailable("model '%s' is disabled by an admin".formatted(name));
        }
        return serving(model.get()).map(ModelResolution::resolved)
                .orElseGet(() -> ModelResolution.unavailable(UnavailableReasons.forModel(model.get(), providers, providerOrder)));
    }

    /** How the catalogue model would be served now: its most preferred available offering; empty if disabled. */
    public Optional<ResolvedModel> serving(CatalogueModelView model) {
        if (!model.enabled()) {
            return Optional.empty();
        }
        return providerOrder.stream()
                .filter(providers::isAvailable)
                .flatMap(provider -> servableOffering(model, provider).stream())
                .findFirst()
                .map(offering -> resolved(model, offering));
    }

    /** The provider situation this resolver decides by. */
    public ProviderSetup providers() {
        return providers;
    }

    /** The models the OpenAI-compatible configuration names, by tier, as that provider serves them. */
    public Map<ReasoningTier, ResolvedModel> openAiCompatibleModels() {
        Map<ReasoningTier, ResolvedModel> models = new EnumMap<>(ReasoningTier.class);
        providers.openAiCompatibleModels().forEach((tier, name) -> models.put(tier, openAiCompatible(name)));
        return models;
    }

    private List<CatalogueModelView> enabledModelsOf(ReasoningTier tier) {
        return catalogue.stream().filter(model -> model.enabled() && model.definition().tier() == tier).toList();
    }

    /** The model's offering by the provider, unless the provider answered its model id as unknown or retired. */
    private static Optional<ModelOffering> servableOffering(CatalogueModelView model, String provider) {
        return model.definition().offerings().stream()
                .filter(offering -> offering.provider().equals(provider) && model.retirementOf(offering).isEmpty())
                .findFirst();
    }

    private static ResolvedModel resolved(CatalogueModelView model, ModelOffering offering) {
        boolean thinking = model.definition().tier() == ReasoningTier.DEEP && model.definition().capabilities().thinking();
        return new ResolvedModel(model.name(), model.definition().friendlyName(), offering.provider(),
                offering.modelId(), thinking);
    }

    /** The server runs the configured model as it is: whether it reasons is up to the model, not a request option. */
    private static ResolvedModel openAiCompatible(String configuredName) {
        return new ResolvedModel(configuredName, configuredName + " (OpenAI-compatible server)", OPENAI_COMPATIBLE,
                configuredName, false);
    }
}
