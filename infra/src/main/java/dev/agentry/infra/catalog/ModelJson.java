package dev.agentry.infra.catalog;

import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ResolvedModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model as the catalogue tools answer it. {@code provider} is the provider that would serve the
 * model now, else its first offering's; provider model ids are never shown.
 */
final class ModelJson {

    static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "description": "canonical name, usable as an agent's model"},
                "friendly_name": {"type": "string"},
                "tier": {"type": "string", "enum": ["basic", "standard", "advanced", "deep"]},
                "provider": {"type": "string", "enum": ["anthropic", "openai", "bedrock", "openai-compatible"]},
                "available": {"type": "boolean", "description": "enabled and offered by a configured provider"},
                "enabled": {"type": "boolean", "description": "false when an admin disabled it"},
                "supports_tools": {"type": "boolean"},
                "supports_thinking": {"type": "boolean"}
              },
              "required": ["name", "friendly_name", "tier", "provider", "available", "enabled", "supports_tools",
                           "supports_thinking"],
              "additionalProperties": false
            }""";

    private ModelJson() {
    }

    static Map<String, Object> of(CatalogueModelView model, ModelResolver resolver) {
        Optional<ResolvedModel> serving = resolver.serving(model);
        String provider = serving.map(ResolvedModel::provider).orElse(model.definition().offerings().get(0).provider());
        return entry(model.name(), model.definition().friendlyName(), model.definition().tier(), provider,
                serving.isPresent(), model.enabled(), model.definition().capabilities().tools(),
                model.definition().capabilities().thinking());
    }

    /**
     * A model the OpenAI-compatible configuration names: it cannot be switched off here, and what the
     * server's model can do is not known, so it is taken to call tools and not to think on request.
     */
    static Map<String, Object> ofServerModel(ReasoningTier tier, ResolvedModel model, boolean available) {
        return entry(model.name(), model.friendlyName(), tier, model.provider(), available, true, true, false);
    }

    private static Map<String, Object> entry(String name, String friendlyName, ReasoningTier tier, String provider,
                                             boolean available, boolean enabled, boolean tools, boolean thinking) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("friendly_name", friendlyName);
        json.put("tier", tier.wireName());
        json.put("provider", provider);
        json.put("available", available);
        json.put("enabled", enabled);
        json.put("supports_tools", tools);
        json.put("supports_thinking", thinking);
        return json;
    }
}
