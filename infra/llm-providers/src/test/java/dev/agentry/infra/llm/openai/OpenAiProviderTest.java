package dev.agentry.infra.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.FakeVendorServer.RecordedRequest;
import dev.agentry.infra.llm.ProviderFailureContract;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.LlmResponse.StopReason;
import dev.agentry.workflows.llm.ThinkingMode;
import dev.agentry.workflows.llm.ThinkingMode.ReasoningEffort;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest extends ProviderFailureContract {

    private static final ToolDefinition WEATHER = new ToolDefinition("weather", "Current weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    @Override
    protected LlmProvider createProvider(FakeVendorServer server, Duration timeout) {
        return ChatCompletionsProvider.openAi("sk-test", server.url() + "/v1", timeout);
    }

    @Override
    protected String modelId() {
        return "gpt-5";
    }

    @Override
    protected String plainAnswer() {
        return OpenAiWire.plainAnswer("gpt-5-2025-08-07");
    }

    @Override
    protected void answerWithError(VendorError error, String... headers) {
        OpenAiWire.answerWithError(server, error, headers);
    }

    @Test
    void aPlainAnswerIsReadWithItsTokenUsage() throws Exception {
        server.answer(200, plainAnswer());
        LlmRequest request = new LlmRequest("gpt-5", "You are terse.",
                List.of(ConversationMessage.user("Hi")), List.of(), 1024, ThinkingMode.none());

        LlmResponse response = provider(server, GENEROUS_TIMEOUT).complete(request);

        assertThat(response.text()).isEqualTo("Hello there.");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new TokenUsage(19, 10));
        assertThat(response.providerModelId()).isEqualTo("gpt-5-2025-08-07");

        RecordedRequest sent = server.lastRequest();
        assertThat(sent.rawPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-5");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are terse.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Hi");
        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void aToolCallIsFollowedByTheResultAsAToolMessageAndAFinalAnswer() throws Exception {
        server.answer(200, """
                {"id":"chatcmpl-tool","object":"chat.completion","created":1741569952,"model":"gpt-5-2025-08-07",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"annotations":[],
                    "tool_calls":[{"id":"call_Dn2RJJSxzDm49vlVTehseJ0k","type":"function",
                                   "function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
                    "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":80,"completion_tokens":150,"total_tokens":230,
                          "completion_tokens_details":{"reasoning_tokens":128}}}
                """);
        server.answer(200, """
                {"id":"chatcmpl-final","object":"chat.completion","created":1741569953,"model":"gpt-5-2025-08-07",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"It rains in Oslo, 4 degrees."},
                             "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}
                """);
        LlmProvider provider = provider(server, GENEROUS_TIMEOUT);
        ConversationMessage question = ConversationMessage.user("Weather in Oslo?");
        ThinkingMode high = ThinkingMode.reasoningEffort(ReasoningEffort.HIGH);

        LlmResponse toolUse = provider.complete(new LlmRequest("gpt-5", "Use tools.", List.of(question),
                List.of(WEATHER), 4096, high));

        assertThat(toolUse.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(toolUse.usage()).isEqualTo(new TokenUsage(80, 150));
        assertThat(toolUse.content()).containsExactly(
                new ContentPart.ToolCall("call_Dn2RJJSxzDm49vlVTehseJ0k", "weather", "{\"city\":\"Oslo\"}"));
        JsonNode firstBody = server.lastRequest().json();
        assertThat(firstBody.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(firstBody.path("max_completion_tokens").asInt()).isEqualTo(4096);
        JsonNode tool = firstBody.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("weather");
        assertThat(tool.path("function").path("description").asText()).isEqualTo("Current weather in a city");
        assertThat(tool.path("function").path("parameters").path("properties").path("city").path("type").asText())
                .isEqualTo("string");
        assertThat(tool.path("function").path("parameters").path("required").get(0).asText()).isEqualTo("city");

        LlmResponse answer = provider.complete(new LlmRequest("gpt-5", "Use tools.", List.of(question,
                toolUse.asAssistantMessage(),
                ConversationMessage.user(List.of(new ContentPart.ToolResult("call_Dn2RJJSxzDm49vlVTehseJ0k", "Rain, 4 degrees", false)))),
                List.of(WEATHER), 4096, high));

        assertThat(answer.text()).isEqualTo("It rains in Oslo, 4 degrees.");
        JsonNode messages = server.lastRequest().json().path("messages");
        assertThat(messages).hasSize(4);
        JsonNode assistant = messages.get(2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_Dn2RJJSxzDm49vlVTehseJ0k");
        assertThat(assistant.path("tool_calls").get(0).path("type").asText()).isEqualTo("function");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        JsonNode result = messages.get(3);
        assertThat(result.path("role").asText()).isEqualTo("tool");
        assertThat(result.path("tool_call_id").asText()).isEqualTo("call_Dn2RJJSxzDm49vlVTehseJ0k");
        assertThat(result.path("content").asText()).isEqualTo("Rain, 4 degrees");
    }

    @Test
    void aFailedToolTellsTheModelSoInItsResult() throws Exception {
        server.answer(200, plainAnswer());
        ConversationMessage call = ConversationMessage.assistant(List.of(new ContentPart.ToolCall("call_1", "weather", "{}")));
        ConversationMessage failed = ConversationMessage.user(List.of(new ContentPart.ToolResult("call_1", "city is required", true)));

        provider(server, GENEROUS_TIMEOUT).complete(new LlmRequest("gpt-5", "", List.of(
                ConversationMessage.user("Weather?"), call, failed), List.of(WEATHER), 256, ThinkingMode.none()));

        JsonNode toolMessage = server.lastRequest().json().path("messages").get(2);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("content").asText()).isEqualTo("Error: city is required");
    }

    @Test
    void aRetryAfterInMillisecondsWinsOverSeconds() {
        OpenAiWire.answerWithError(server, VendorError.RATE_LIMITED, "retry-after", "2", "retry-after-ms", "1500");

        assertThat(failureOf(provider(server, GENEROUS_TIMEOUT)).retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void withoutAnApiKeyTheProviderIsUnavailableAndSendsNothing() {
        LlmProvider provider = ChatCompletionsProvider.openAi(null, server.url() + "/v1", GENEROUS_TIMEOUT);

        assertThat(provider.available()).isFalse();
        assertThat(failureOf(provider).kind()).isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
        assertThat(server.requests()).isEmpty();
    }
}
