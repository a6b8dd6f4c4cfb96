package dev.agentry.infra.llm;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentry.providers.*}. Keys and base URLs left empty here fall back to the vendors' usual
 * environment variables ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...); Bedrock takes no
 * credentials from configuration at all.
 */
@ConfigurationProperties("agentry.providers")
record LlmProvidersProperties(
        @DefaultValue Anthropic anthropic,
        @DefaultValue OpenAi openai,
        @DefaultValue Bedrock bedrock,
        @DefaultValue OpenAiCompatible openaiCompatible) {

    /** @param baseUrl without {@code /v1} */
    record Anthropic(String apiKey, String baseUrl, @DefaultValue("3m") Duration timeout) {
    }

    /** @param baseUrl with {@code /v1} */
    record OpenAi(String apiKey, String baseUrl, @DefaultValue("3m") Duration timeout) {
    }

    /**
     * @param region null for the default chain (AWS_REGION, profile, instance metadata)
     * @param endpoint replaces Bedrock's endpoint, e.g. for a VPC endpoint or a test server
     */
    record Bedrock(String region, URI endpoint, @DefaultValue("3m") Duration timeout) {
    }

    /** @param baseUrl with {@code /v1}; the provider is available only when it is set */
    record OpenAiCompatible(String baseUrl, String apiKey, @DefaultValue("3m") Duration timeout) {
    }
}
