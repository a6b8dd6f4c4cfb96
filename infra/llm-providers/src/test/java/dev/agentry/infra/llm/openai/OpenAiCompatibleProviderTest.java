package dev.agentry.infra.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.ProviderFailureContract;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A self-hosted server (vLLM, Ollama, LiteLLM, ...) speaking the chat completions dialect. */
class OpenAiCompatibleProviderTest extends ProviderFailureContract {

    @Override
    protected LlmProvider createProvider(FakeVendorServer server, Duration timeout) {
        return ChatCompletionsProvider.openAiCompatible(server.url() + "/v1", null, timeout);
    }

    @Override
    protected String modelId() {
        return "meta-llama/Llama-3.3-70B-Instruct";
    }

    @Override
    protected String plainAnswer() {
        return OpenAiWire.plainAnswer(modelId());
    }

    @Override
    protected void answerWithError(VendorError error, String... headers) {
        OpenAiWire.answerWithError(server, error, headers);
    }

    @Test
    void aServerWithoutAKeyIsCalledWithoutCredentials() throws Exception {
        server.answer(200, plainAnswer());

        LlmResponse response = provider(server, GENEROUS_TIMEOUT).complete(question("Hi"));

        assertThat(response.providerModelId()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
        assertThat(server.lastRequest().rawPath()).isEqualTo("/v1/chat/completions");
        assertThat(server.lastRequest().header("Authorization")).isNull();
        assertThat(server.lastRequest().json().path("model").asText()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
    }

    @Test
    void aServerWithAKeyGetsItAsABearerToken() throws Exception {
        server.answer(200, plainAnswer());

        closedAfterTest(ChatCompletionsProvider.openAiCompatible(server.url() + "/v1", "local-secret", GENEROUS_TIMEOUT))
                .complete(question("Hi"));

        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer local-secret");
    }

    @Test
    void itIsAvailableExactlyWhenABaseUrlIsConfigured() {
        assertThat(closedAfterTest(ChatCompletionsProvider.openAiCompatible(server.url() + "/v1", null, GENEROUS_TIMEOUT)).available()).isTrue();
        assertThat(ChatCompletionsProvider.openAiCompatible("", "key", GENEROUS_TIMEOUT).available()).isFalse();
        assertThat(ChatCompletionsProvider.openAiCompatible(null, null, GENEROUS_TIMEOUT).name()).isEqualTo("openai-compatible");
    }
}
