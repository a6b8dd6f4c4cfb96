package dev.agentry.workflows.model;

import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sentences that say why nothing serves a tier or a model, and what an operator or admin can do about it. */
final class UnavailableReasons {

    private static final String OPENAI_COMPATIBLE = ModelProvider.OPENAI_COMPATIBLE.wireName();

    private UnavailableReasons() {
    }

    static String forTier(ReasoningTier tier, List<CatalogueModelView> catalogue, ProviderSetup providers,
                          List<String> providerOrder) {
        Set<String> offeringProviders = new LinkedHashSet<>();
        List<String> disabledButServable = new ArrayList<>();
        for (CatalogueModelView model : catalogue) {
            if (model.definition().tier() != tier) {
                continue;
            }
            List<String> providersOfModel = model.definition().offerings().stream().map(ModelOffering::provider).toList();
            if (model.enabled()) {
                offeringProviders.addAll(providersOfModel);
            } else if (providersOfModel.stream().anyMatch(providers::isAvailable)) {
                disabledButServable.add(model.name());
            }
        }
        List<String> hints = new ArrayList<>();
        List<String> sidelined = new ArrayList<>();
        for (String provider : providerOrder) {
            providers.sidelinedReason(provider).ifPresent(sidelined::add);
            if (offeringProviders.contains(provider) && !providers.isConfigured(provider)) {
                hints.add(configurationOf(provider));
            }
        }
        hints.add(providers.isConfigured(OPENAI_COMPATIBLE)
                ? "agentry.providers.openai-compatible.models." + tier.wireName()
                : "agentry.providers.openai-compatible.base-url with .models." + tier.wireName());
        String reason = "no available provider serves tier '%s' (%sconfigure %s".formatted(tier.wireName(),
                sidelined.isEmpty() ? "" : String.join("; ", sidelined) + "; ", alternatives(hints));
        if (!disabledButServable.isEmpty()) {
            reason += "; or an admin enables " + alternatives(disabledButServable.stream().map(n -> "'" + n + "'").toList());
        }
        return reason + ")";
    }

    /**
     * Why an enabled catalogue model has no provider now: what its configured providers answered or why they
     * are sidelined, else which configuration would serve it.
     */
    static String forModel(CatalogueModelView model, ProviderSetup providers, List<String> providerOrder) {
        List<String> causes = new ArrayList<>();
        for (String provider : providerOrder) {
            Optional<ModelOffering> offering = model.definition().offerings().stream()
                    .filter(candidate -> candidate.provider().equals(provider)).findFirst();
            if (offering.isEmpty() || !providers.isConfigured(provider)) {
                continue;
            }
            model.retirementOf(offering.get()).ifPresent(retirement -> causes.add(retirement.reason()));
            providers.sidelinedReason(provider).ifPresent(causes::add);
        }
        if (!causes.isEmpty()) {
            return "no available provider serves model '%s': %s".formatted(model.name(), String.join("; ", causes));
        }
        List<String> providersOfModel = model.definition().offerings().stream().map(ModelOffering::provider).toList();
        List<String> hints = providerOrder.stream().filter(providersOfModel::contains)
                .map(UnavailableReasons::configurationOf).toList();
        return "no available provider serves model '%s' (configure %s)".formatted(model.name(), alternatives(hints));
    }

    static String forOpenAiCompatibleModel(String name, ProviderSetup providers) {
        return providers.sidelinedReason(OPENAI_COMPATIBLE)
                .map(reason -> "no available provider serves model '%s': %s".formatted(name, reason))
                .orElseGet(() -> forOpenAiCompatibleModel(name));
    }

    static String forOpenAiCompatibleModel(String name) {
        return "no available provider serves model '%s' (configure agentry.providers.openai-compatible.base-url)"
                .formatted(name);
    }

    /** What makes a provider available, in the words of its configuration. */
    static String configurationOf(String provider) {
        return switch (ModelProvider.fromWireName(provider).orElseThrow()) {
            case ANTHROPIC -> "ANTHROPIC_API_KEY";
            case OPENAI -> "OPENAI_API_KEY";
            case BEDROCK -> "AWS credentials for Bedrock";
            case OPENAI_COMPATIBLE -> "agentry.providers.openai-compatible.base-url";
        };
    }

    /** "a", "a or b", "a, b or c". */
    private static String alternatives(List<String> options) {
        if (options.size() == 1) {
            return options.get(0);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1);
    }
}
