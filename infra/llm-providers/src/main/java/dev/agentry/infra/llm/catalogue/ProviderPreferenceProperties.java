package dev.agentry.infra.llm.catalogue;

import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.workflows.model.ProviderSetup;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code agentry.providers.*} that tier resolution reads; credentials and endpoints are
 * the providers' own configuration. Misspelt names stop the start, so a preference is never silently ignored.
 *
 * @param preference       provider names, most preferred first (default bedrock, anthropic, openai, openai-compatible)
 * @param openaiCompatible {@code models.<tier>}: the model an OpenAI-compatible server runs for each tier
 */
@ConfigurationProperties("agentry.providers")
record ProviderPreferenceProperties(List<String> preference, OpenAiCompatible openaiCompatible) {

    record OpenAiCompatible(Map<String, String> models) {
    }

    ProviderPreferenceProperties {
        preference = preference == null || preference.isEmpty() ? ProviderSetup.DEFAULT_PREFERENCE
                : preference.stream().map(String::trim).toList();
        for (String provider : preference) {
            if (ModelProvider.fromWireName(provider).isEmpty()) {
                throw new IllegalArgumentException("agentry.providers.preference names an unknown provider '" + provider
                        + "'; known providers: " + ProviderSetup.DEFAULT_PREFERENCE);
            }
        }
        openaiCompatible = openaiCompatible == null || openaiCompatible.models() == null
                ? new OpenAiCompatible(Map.of()) : openaiCompatible;
        for (String tier : openaiCompatible.models().keySet()) {
            if (ReasoningTier.fromWireName(tier).isEmpty()) {
                throw new IllegalArgumentException("agentry.providers.openai-compatible.models." + tier
                        + " is not a tier; use basic, standard, advanced or deep");
            }
        }
    }

    Map<ReasoningTier, String> openAiCompatibleModels() {
        Map<ReasoningTier, String> models = new EnumMap<>(ReasoningTier.class);
        openaiCompatible.models().forEach((tier, model) -> models.put(ReasoningTier.fromWireName(tier).orElseThrow(), model));
        return models;
    }
}
