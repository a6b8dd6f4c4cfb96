package dev.agentry.command.api;

/**
 * One provider that serves a catalogue model, under its own id for it.
 *
 * @param provider a {@link ModelProvider} wire name, e.g. {@code bedrock}
 * @param modelId  the provider's id, e.g. {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0}; never shown to users
 */
public record ModelOffering(String provider, String modelId) {
}
