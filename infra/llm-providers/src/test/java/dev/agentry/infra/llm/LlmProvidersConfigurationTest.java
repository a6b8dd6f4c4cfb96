package dev.agentry.infra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.infra.llm.openai.ChatCompletionsProvider;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlmProvidersConfigurationTest {

    private static String metadataSetting;

    /** Off EC2 the credentials chain would spend seconds probing instance metadata for Bedrock. */
    @BeforeAll
    static void skipInstanceMetadata() {
        metadataSetting = System.getProperty("aws.disableEc2Metadata");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterAll
    static void restoreInstanceMetadata() {
        if (metadataSetting == null) {
            System.clearProperty("aws.disableEc2Metadata");
        } else {
            System.setProperty("aws.disableEc2Metadata", metadataSetting);
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LlmProvidersConfiguration.class);

    @Test
    void withoutAnyCredentialsTheApplicationStartsWithEveryProviderPresent() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBeansOfType(LlmProvider.class).values()).extracting(LlmProvider::name)
                    .containsExactlyInAnyOrder("anthropic", "openai", "openai-compatible", "bedrock");
            assertThat(started.getBean(LlmGateway.class).availableProviders())
                    .doesNotContain("anthropic", "openai", "openai-compatible");
        });
    }

    @Test
    void aVendorsUsualVariableOrAnAgentryPropertyMakesItsProviderAvailable() {
        context.withPropertyValues(
                        "ANTHROPIC_API_KEY=sk-ant-from-environment",
                        "agentry.providers.openai-compatible.base-url=http://127.0.0.1:11434/v1")
                .run(started -> assertThat(started.getBean(LlmGateway.class).availableProviders())
                        .contains("anthropic", "openai-compatible")
                        .doesNotContain("openai"));
    }

    @Test
    void anAgentryPropertyWinsOverTheVendorsVariable() {
        try (FakeVendorServer server = FakeVendorServer.start()) {
            server.answer(200, """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-5-mini",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}
                    """);
            context.withPropertyValues(
                            "OPENAI_API_KEY=sk-from-environment",
                            "OPENAI_BASE_URL=" + server.url() + "/v1",
                            "agentry.providers.openai.api-key=sk-from-property",
                            "agentry.providers.openai.timeout=5s")
                    .run(started -> {
                        started.getBean("openAiProvider", ChatCompletionsProvider.class).complete(new LlmRequest(
                                "gpt-5-mini", "", List.of(ConversationMessage.user("Hi")), List.of(), 16, ThinkingMode.none()));

                        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer sk-from-property");
                    });
        }
    }
}
