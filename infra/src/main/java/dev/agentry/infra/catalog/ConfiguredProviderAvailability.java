package dev.agentry.infra.catalog;

import dev.agentry.command.api.ModelProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;

/**
 * Provider availability read from the configuration the providers use: an API key for Anthropic and
 * OpenAI (property or the vendor's environment variable), a base URL for an OpenAI-compatible server,
 * and a region with credentials in the environment for Bedrock.
 */
@Component
class ConfiguredProviderAvailability implements ProviderAvailability {

    private final Environment environment;

    ConfiguredProviderAvailability(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Set<String> availableProviders() {
        Set<String> available = new TreeSet<>();
        if (anySet("agentry.providers.anthropic.api-key", "ANTHROPIC_API_KEY")) {
            available.add(ModelProvider.ANTHROPIC.wireName());
        }
        if (anySet("agentry.providers.openai.api-key", "OPENAI_API_KEY")) {
            available.add(ModelProvider.OPENAI.wireName());
        }
        if (anySet("agentry.providers.openai-compatible.base-url")) {
            available.add(ModelProvider.OPENAI_COMPATIBLE.wireName());
        }
        if (anySet("agentry.providers.bedrock.region", "AWS_REGION", "AWS_DEFAULT_REGION")
                && anySet("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            available.add(ModelProvider.BEDROCK.wireName());
        }
        return available;
    }

    private boolean anySet(String... names) {
        for (String name : names) {
            String value = environment.getProperty(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
