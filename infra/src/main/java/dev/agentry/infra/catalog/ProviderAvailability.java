package dev.agentry.infra.catalog;

import java.util.Set;

/** Which LLM providers are configured now, by their catalogue wire names ({@code anthropic}, {@code bedrock}, ...). */
@FunctionalInterface
public interface ProviderAvailability {

    Set<String> availableProviders();
}
