package dev.agentry.infra.llm;

import dev.agentry.infra.llm.anthropic.AnthropicProvider;
import dev.agentry.infra.llm.bedrock.BedrockProvider;
import dev.agentry.infra.llm.openai.ChatCompletionsProvider;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.infra.llm.circuit.CircuitBreakerProperties;
import dev.agentry.infra.llm.circuit.ProviderCircuitBreakers;
import dev.agentry.infra.llm.circuit.RecordedProviderCircuits;
import dev.agentry.infra.postgres.node.NodeProperties;
import dev.agentry.infra.postgres.node.NodeRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Every provider is a bean; one without credentials is merely unavailable, never a startup error. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmProvidersProperties.class, CircuitBreakerProperties.class})
class LlmProvidersConfiguration {

    @Bean
    AnthropicProvider anthropicProvider(LlmProvidersProperties properties, Environment environment) {
        LlmProvidersProperties.Anthropic anthropic = properties.anthropic();
        return new AnthropicProvider(
                orEnvironment(anthropic.apiKey(), environment, "ANTHROPIC_API_KEY"),
                orEnvironment(anthropic.baseUrl(), environment, "ANTHROPIC_BASE_URL"),
                anthropic.timeout());
    }

    @Bean
    ChatCompletionsProvider openAiProvider(LlmProvidersProperties properties, Environment environment) {
        LlmProvidersProperties.OpenAi openai = properties.openai();
        return ChatCompletionsProvider.openAi(
                orEnvironment(openai.apiKey(), environment, "OPENAI_API_KEY"),
                orEnvironment(openai.baseUrl(), environment, "OPENAI_BASE_URL"),
                openai.timeout());
    }

    @Bean
    ChatCompletionsProvider openAiCompatibleProvider(LlmProvidersProperties properties) {
        LlmProvidersProperties.OpenAiCompatible compatible = properties.openaiCompatible();
        return ChatCompletionsProvider.openAiCompatible(compatible.baseUrl(), compatible.apiKey(), compatible.timeout());
    }

    @Bean
    BedrockProvider bedrockProvider(LlmProvidersProperties properties) {
        LlmProvidersProperties.Bedrock bedrock = properties.bedrock();
        return new BedrockProvider(bedrock.region(), bedrock.endpoint(), bedrock.timeout());
    }

    /** Without a node table (a configuration of the providers alone, in tests) nothing is recorded. */
    @Bean
    RecordedProviderCircuits recordedProviderCircuits(ObjectProvider<JdbcClient> jdbc, ObjectProvider<NodeRegistry> node,
                                                      ObjectProvider<NodeProperties> nodes) {
        return new RecordedProviderCircuits(jdbc.getIfAvailable(), node.getIfAvailable(), nodes.getIfAvailable());
    }

    @Bean
    ProviderCircuitBreakers providerCircuitBreakers(CircuitBreakerProperties properties, RecordedProviderCircuits recorded) {
        return new ProviderCircuitBreakers(properties, recorded);
    }

    @Bean
    LlmGateway llmGateway(List<LlmProvider> providers, ProviderCircuitBreakers breakers) {
        return new ProviderRoutingLlmGateway(providers, breakers);
    }

    private static String orEnvironment(String configured, Environment environment, String variable) {
        return configured != null && !configured.isBlank() ? configured : environment.getProperty(variable);
    }
}
