package dev.agentry.workflows.model;

/**
 * The model an agent's LLM calls go to, and through which provider.
 *
 * @param name            the canonical name users see, e.g. {@code claude-sonnet-4-5}
 * @param providerModelId the provider's own id, e.g. a Bedrock inference-profile id; never shown to users
 * @param thinking        ask for extended thinking (Anthropic, Bedrock) or a high reasoning effort (OpenAI):
 *                        true for models of the {@code deep} tier
 */
public record ResolvedModel(String name, String friendlyName, String provider, String providerModelId, boolean thinking) {
}
