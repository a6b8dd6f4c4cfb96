package dev.agentry.infra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.infra.llm.anthropic.AnthropicProvider;
import dev.agentry.infra.llm.openai.ChatCompletionsProvider;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderRoutingLlmGatewayTest {

    private final FakeVendorServer server = FakeVendorServer.start();
    private final AnthropicProvider anthropic = new AnthropicProvider("sk-ant-test", server.url(), Duration.ofSeconds(10));
    private final ChatCompletionsProvider openAiWithoutKey = ChatCompletionsProvider.openAi(null, null, Duration.ofSeconds(10));
    private final ProviderRoutingLlmGateway gateway = new ProviderRoutingLlmGateway(List.of(anthropic, openAiWithoutKey));
    private final LlmRequest request = new LlmRequest("claude-haiku-4-5", "", List.of(ConversationMessage.user("Hi")),
            List.of(), 64, ThinkingMode.none());

    @AfterEach
    void close() {
        anthropic.close();
        server.close();
    }

    @Test
    void aRequestGoesToTheNamedProvider() throws Exception {
        server.answer(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"text","text":"Hi!"}],"stop_reason":"end_turn","usage":{"input_tokens":8,"output_tokens":2}}
                """);

        assertThat(gateway.complete("anthropic", request).text()).isEqualTo("Hi!");
        assertThat(server.lastRequest().rawPath()).isEqualTo("/v1/messages");
    }

    @Test
    void anUnconfiguredOrUnknownProviderIsUnavailable() {
        assertThat(catchThrowableOfType(LlmCallFailure.class, () -> gateway.complete("openai", request)).kind())
                .isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
        assertThat(catchThrowableOfType(LlmCallFailure.class, () -> gateway.complete("mistral", request)).kind())
                .isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
        assertThat(gateway.availableProviders()).containsExactly("anthropic");
        assertThat(server.requests()).isEmpty();
    }
}
