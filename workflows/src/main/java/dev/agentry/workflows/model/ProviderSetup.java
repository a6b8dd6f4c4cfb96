package dev.agentry.workflows.model;

import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What tier resolution needs to know about the providers, besides the catalogue.
 *
 * @param available              wire names of the providers that are configured now
 * @param preference             wire names, most preferred first; providers it leaves out (and unknown names
 *                               it holds are ignored) follow in the order of {@link #DEFAULT_PREFERENCE}
 * @param openAiCompatibleModels the model an OpenAI-compatible server runs for each tier; these models are
 *                               not in the catalogue ({@code agentry.providers.openai-compatible.models.<tier>})
 * @param sidelined              configured providers that tier resolution passes over for now, each with the
 *                               reason (e.g. an open circuit breaker)
 */
public record ProviderSetup(Set<String> available, List<String> preference,
                            Map<ReasoningTier, String> openAiCompatibleModels, Map<String, String> sidelined) {

    public static final List<String> DEFAULT_PREFERENCE = List.of(
            ModelProvider.BEDROCK.wireName(), ModelProvider.ANTHROPIC.wireName(),
            ModelProvider.OPENAI.wireName(), ModelProvider.OPENAI_COMPATIBLE.wireName());

    public ProviderSetup {
        available = available == null ? Set.of() : Set.copyOf(available);
        preference = preference == null ? List.of() : List.copyOf(preference);
        Map<ReasoningTier, String> models = new EnumMap<>(ReasoningTier.class);
        if (openAiCompatibleModels != null) {
            openAiCompatibleModels.forEach((tier, model) -> {
                if (tier != null && model != null && !model.isBlank()) {
                    models.put(tier, model.trim());
                }
            });
        }
        openAiCompatibleModels = Map.copyOf(models);
        sidelined = sidelined == null ? Map.of() : Map.copyOf(sidelined);
    }

    public ProviderSetup(Set<String> available, List<String> preference, Map<ReasoningTier, String> openAiCompatibleModels) {
        this(available, preference, openAiCompatibleModels, Map.of());
    }

    /** Configured, and not sidelined. */
    public boolean isAvailable(String provider) {
        return available.contains(provider) && !sidelined.containsKey(provider);
    }

    /** Configured, sidelined or not. */
    public boolean isConfigured(String provider) {
        return available.contains(provider);
    }

    public Optional<String> sidelinedReason(String provider) {
        return Optional.ofNullable(sidelined.get(provider));
    }

    /** Every known provider exactly once, the preferred ones first. */
    public List<String> providerOrder() {
        Set<String> order = new LinkedHashSet<>();
        preference.stream().map(String::trim).filter(name -> ModelProvider.fromWireName(name).isPresent())
                .forEach(order::add);
        order.addAll(DEFAULT_PREFERENCE);
        return List.copyOf(order);
    }
}
