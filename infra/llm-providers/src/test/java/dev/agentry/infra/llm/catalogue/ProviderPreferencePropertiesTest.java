package dev.agentry.infra.llm.catalogue;

import dev.agentry.command.api.ReasoningTier;
import dev.agentry.workflows.model.ProviderSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderPreferencePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProviderPreferenceProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void withoutConfigurationBedrockIsPreferredAndNoServerModelIsNamed() {
        context.run(started -> {
            ProviderPreferenceProperties properties = started.getBean(ProviderPreferenceProperties.class);
            assertThat(properties.preference()).isEqualTo(ProviderSetup.DEFAULT_PREFERENCE)
                    .containsExactly("bedrock", "anthropic", "openai", "openai-compatible");
            assertThat(properties.openAiCompatibleModels()).isEmpty();
        });
    }

    @Test
    void thePreferenceAndTheServersTierModelsAreRead() {
        context.withPropertyValues(
                        "agentry.providers.preference=openai, anthropic",
                        "agentry.providers.openai-compatible.models.basic=llama-3.1-8b-instruct",
                        "agentry.providers.openai-compatible.models.deep=qwq-32b")
                .run(started -> {
                    ProviderPreferenceProperties properties = started.getBean(ProviderPreferenceProperties.class);
                    assertThat(properties.preference()).containsExactly("openai", "anthropic");
                    assertThat(properties.openAiCompatibleModels()).isEqualTo(Map.of(
                            ReasoningTier.BASIC, "llama-3.1-8b-instruct", ReasoningTier.DEEP, "qwq-32b"));
                });
    }

    @Test
    void environmentVariablesNameTheServersTierModelsToo() {
        context.withInitializer(applicationContext -> applicationContext.getEnvironment().getPropertySources()
                        .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                        Map.of("AGENTRY_PROVIDERS_OPENAICOMPATIBLE_MODELS_STANDARD", "mistral-small"))))
                .run(started -> assertThat(started.getBean(ProviderPreferenceProperties.class).openAiCompatibleModels())
                        .isEqualTo(Map.of(ReasoningTier.STANDARD, "mistral-small")));
    }

    @Test
    void anUnknownProviderInThePreferenceStopsTheStart() {
        context.withPropertyValues("agentry.providers.preference=vertex,openai").run(started ->
                assertThat(started).getFailure().rootCause().hasMessage(
                        "agentry.providers.preference names an unknown provider 'vertex'; known providers: "
                                + List.of("bedrock", "anthropic", "openai", "openai-compatible")));
    }

    @Test
    void anUnknownTierInTheServersModelsStopsTheStart() {
        context.withPropertyValues("agentry.providers.openai-compatible.models.ultra=big-model").run(started ->
                assertThat(started).getFailure().rootCause().hasMessage(
                        "agentry.providers.openai-compatible.models.ultra is not a tier; use basic, standard, advanced or deep"));
    }
}
