package dev.agentry.infra.mcp.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ResolvedModel;

import java.util.Arrays;
import java.util.Optional;

/**
 * A model as the catalogue tools answer it. {@code provider} is the provider that would serve the
 * model now, else its first offering's; provider model ids are never shown. {@code unavailable_reason} only
 * when it is not available.
 */
record ModelAnswer(String name, String friendlyName, String tier, String provider, boolean available, boolean enabled,
                   boolean supportsTools, boolean supportsThinking,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String unavailableReason) {

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("name", JsonSchema.string().description("canonical name, usable as an agent's model"))
            .required("friendly_name", JsonSchema.string())
            .required("tier", JsonSchema.lowerCaseChoice(ReasoningTier.class))
            .required("provider", JsonSchema.choice(Arrays.stream(ModelProvider.values()).map(ModelProvider::wireName).toList()))
            .required("available", JsonSchema.bool().description("enabled and offered by a configured provider"))
            .required("enabled", JsonSchema.bool().description("false when an admin disabled it"))
            .required("supports_tools", JsonSchema.bool())
            .required("supports_thinking", JsonSchema.bool())
            .optional("unavailable_reason", JsonSchema.string().description(
                    "why it is not available: disabled, no configured provider, its provider's circuit breaker open, "
                            + "or its provider answered it as unknown or retired"))
            .build();

    static ModelAnswer of(CatalogueModelView model, ModelResolver resolver) {
        Optional<ResolvedModel> serving = resolver.serving(model);
        String provider = serving.map(ResolvedModel::provider).orElse(model.definition().offerings().get(0).provider());
        String unavailableReason = serving.isPresent() ? null : resolver.resolveModel(model.name()).unavailableReason();
        return new ModelAnswer(model.name(), model.definition().friendlyName(), model.definition().tier().wireName(),
                provider, serving.isPresent(), model.enabled(), model.definition().capabilities().tools(),
                model.definition().capabilities().thinking(), unavailableReason);
    }

    /**
     * A model the OpenAI-compatible configuration names: it cannot be switched off here, and what the
     * server's model can do is not known, so it is taken to call tools and not to think on request.
     */
    static ModelAnswer ofServerModel(ReasoningTier tier, ResolvedModel model, ModelResolver resolver) {
        String unavailableReason = resolver.resolveModel(model.name()).unavailableReason();
        return new ModelAnswer(model.name(), model.friendlyName(), tier.wireName(), model.provider(),
                unavailableReason == null, true, true, false, unavailableReason);
    }
}
