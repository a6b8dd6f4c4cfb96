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
import java.util.concurrent.CopyOnWriteArrayList;
import dev.agentry.infra.llm.circuit.CircuitBreakerProperties;
import dev.agentry.infra.llm.circuit.ProviderCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderRoutingLlmGatewayTest {

    private final FakeVendorServer server = FakeVendorServer.start();
    private final AnthropicProvider anthropic = new AnthropicProvider("sk-ant-test", server.url(), Duration.ofSeconds(10));
    private final ChatCompletionsProvider openAiWithoutKey = ChatCompletionsProvider.openAi(null, null, Duration.ofSeconds(10));
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final ProviderCircuitBreakers breakers = new ProviderCircuitBreakers(
            new CircuitBreakerProperties(2, Duration.ofMillis(300)),
            (provider, state, reason) -> transitions.add(provider + " " + state));
    private final ProviderRoutingLlmGateway gateway = new ProviderRoutingLlmGateway(List.of(anthropic, openAiWithoutKey),
            breakers);
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

    @Test
    void consecutiveProviderFailuresOpenTheBreakerWhichRefusesCallsUntilItsCoolDownAndOneSuccessClosesIt()
            throws Exception {
        String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}";
        server.answer(503, overloaded)
                // a rejected request says nothing about the provider: it neither counts nor resets the count
                .answer(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad tool\"}}")
                .answer(503, overloaded);
        for (LlmFailureKind expected : List.of(LlmFailureKind.OVERLOADED, LlmFailureKind.INVALID_REQUEST,
                LlmFailureKind.OVERLOADED)) {
            assertThat(catchThrowableOfType(LlmCallFailure.class, () -> gateway.complete("anthropic", request)).kind())
                    .isEqualTo(expected);
        }
        assertThat(breakers.stateOf("anthropic")).isEqualTo(CircuitBreaker.State.OPEN);

        LlmCallFailure refused = catchThrowableOfType(LlmCallFailure.class, () -> gateway.complete("anthropic", request));
        assertThat(refused.kind()).isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
        assertThat(refused.getMessage()).contains("circuit breaker of anthropic is open", "2 consecutive failures",
                "HTTP 503");
        assertThat(server.requests()).hasSize(3);
        assertThat(breakers.openProviders()).containsOnlyKeys("anthropic");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (breakers.stateOf("anthropic") != CircuitBreaker.State.HALF_OPEN && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(breakers.stateOf("anthropic")).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breakers.openProviders()).isEmpty();
        server.answer(200, """
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"text","text":"Back."}],"stop_reason":"end_turn","usage":{"input_tokens":8,"output_tokens":2}}
                """);

        assertThat(gateway.complete("anthropic", request).text()).isEqualTo("Back.");
        assertThat(breakers.stateOf("anthropic")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(transitions).containsExactly("anthropic OPEN", "anthropic HALF_OPEN", "anthropic CLOSED");
    }
}
