package dev.agentry.infra.llm.anthropic;

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
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest extends ProviderFailureContract {

    private static final ToolDefinition WEATHER = new ToolDefinition("weather", "Current weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    @Override
    protected LlmProvider createProvider(FakeVendorServer server, Duration timeout) {
        return new AnthropicProvider("sk-ant-test", server.url(), timeout);
    }

    @Override
    protected String modelId() {
        return "claude-sonnet-4-5";
    }

    @Override
    protected String plainAnswer() {
        return """
                {"id":"msg_01Plain","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Hello there."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":21,"output_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
                """;
    }

    @Override
    protected void answerWithError(VendorError error, String... headers) {
        switch (error) {
            case RATE_LIMITED -> server.answer(429, error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"), headers);
            case SERVER_ERROR -> server.answer(500, error("api_error", "Internal server error"), headers);
            case CONTEXT_TOO_LONG -> server.answer(400, error("invalid_request_error", "prompt is too long: 208310 tokens > 200000 maximum"), headers);
            case INVALID_REQUEST -> server.answer(400, error("invalid_request_error", "model: claude-nonexistent is not a valid model"), headers);
            case BAD_CREDENTIALS -> server.answer(401, error("authentication_error", "invalid x-api-key"), headers);
            case MODEL_NOT_FOUND -> server.answer(404, error("not_found_error", "model: claude-opus-4-1-20250805"), headers);
        }
    }

    private static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_011CTest\"}";
    }

    @Test
    void aPlainAnswerIsReadWithItsTokenUsageAndTheSystemPromptIsSentForCaching() throws Exception {
        server.answer(200, plainAnswer());
        LlmRequest request = new LlmRequest("claude-sonnet-4-5", "You are terse.",
                List.of(ConversationMessage.user("Hi")), List.of(), 1024, ThinkingMode.none());

        LlmResponse response = provider(server, GENEROUS_TIMEOUT).complete(request);

        assertThat(response.text()).isEqualTo("Hello there.");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new TokenUsage(21, 5));
        assertThat(response.providerModelId()).isEqualTo("claude-sonnet-4-5-20250929");

        RecordedRequest sent = server.lastRequest();
        assertThat(sent.rawPath()).isEqualTo("/v1/messages");
        // anthropic-java 3.x sends the API key as a bearer credential
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-ant-test");
        assertThat(sent.header("anthropic-version")).isNotBlank();
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are terse.");
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Hi");
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void aToolCallWithThinkingIsFollowedByTheResultAndTheSignedThinkingGoesBack() throws Exception {
        server.answer(200, """
                {"id":"msg_01Tool","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[
                   {"type":"thinking","thinking":"The user wants the weather; I will call the tool.","signature":"EqQBCkYIARgCIkA2sig"},
                   {"type":"text","text":"Let me check."},
                   {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"weather","input":{"city":"Oslo"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":100,"output_tokens":50,"cache_creation_input_tokens":30,"cache_read_input_tokens":400}}
                """);
        server.answer(200, """
                {"id":"msg_01Final","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"It rains in Oslo, 4 degrees."}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":180,"output_tokens":12}}
                """);
        AnthropicProvider provider = (AnthropicProvider) provider(server, GENEROUS_TIMEOUT);
        ConversationMessage question = ConversationMessage.user("Weather in Oslo?");
        LlmRequest first = new LlmRequest("claude-sonnet-4-5", "Use tools.", List.of(question),
                List.of(WEATHER), 4096, ThinkingMode.extended(2048));

        LlmResponse toolUse = provider.complete(first);

        assertThat(toolUse.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(toolUse.usage()).isEqualTo(new TokenUsage(530, 50));
        assertThat(toolUse.content()).containsExactly(
                new ContentPart.Thinking("The user wants the weather; I will call the tool.", "EqQBCkYIARgCIkA2sig"),
                new ContentPart.Text("Let me check."),
                new ContentPart.ToolCall("toolu_01A09q90qw90lq917835lq9", "weather", "{\"city\":\"Oslo\"}"));
        JsonNode firstBody = server.lastRequest().json();
        assertThat(firstBody.path("thinking").path("type").asText()).isEqualTo("enabled");
        assertThat(firstBody.path("thinking").path("budget_tokens").asInt()).isEqualTo(2048);
        JsonNode tool = firstBody.path("tools").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("weather");
        assertThat(tool.path("description").asText()).isEqualTo("Current weather in a city");
        assertThat(tool.path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(tool.path("input_schema").path("properties").path("city").path("type").asText()).isEqualTo("string");
        assertThat(tool.path("input_schema").path("required").get(0).asText()).isEqualTo("city");

        LlmRequest second = new LlmRequest("claude-sonnet-4-5", "Use tools.", List.of(question,
                toolUse.asAssistantMessage(),
                ConversationMessage.user(List.of(new ContentPart.ToolResult("toolu_01A09q90qw90lq917835lq9", "Rain, 4 degrees", false)))),
                List.of(WEATHER), 4096, ThinkingMode.extended(2048));
        LlmResponse answer = provider.complete(second);

        assertThat(answer.text()).isEqualTo("It rains in Oslo, 4 degrees.");
        JsonNode messages = server.lastRequest().json().path("messages");
        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(assistant.path("content").get(0).path("signature").asText()).isEqualTo("EqQBCkYIARgCIkA2sig");
        assertThat(assistant.path("content").get(2).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.path("content").get(2).path("id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(assistant.path("content").get(2).path("input").path("city").asText()).isEqualTo("Oslo");
        JsonNode result = messages.get(2).path("content").get(0);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(result.path("content").asText()).isEqualTo("Rain, 4 degrees");
        assertThat(result.path("is_error").asBoolean()).isFalse();
    }

    @Test
    void thinkingWithoutASignatureIsLeftOutBecauseAnthropicWouldRejectIt() throws Exception {
        server.answer(200, plainAnswer());
        ConversationMessage fromAnotherProvider = ConversationMessage.assistant(List.of(
                new ContentPart.Thinking("unsigned reasoning", null), new ContentPart.Text("Earlier answer.")));

        provider(server, GENEROUS_TIMEOUT).complete(new LlmRequest("claude-sonnet-4-5", "", List.of(
                ConversationMessage.user("Hi"), fromAnotherProvider, ConversationMessage.user("And now?")),
                List.of(), 256, ThinkingMode.none()));

        JsonNode assistant = server.lastRequest().json().path("messages").get(1).path("content");
        assertThat(assistant).hasSize(1);
        assertThat(assistant.get(0).path("text").asText()).isEqualTo("Earlier answer.");
    }

    @Test
    void anthropicsOverloadedStatus529IsOverloaded() {
        server.answer(529, error("overloaded_error", "Overloaded"));

        assertThat(failureOf(provider(server, GENEROUS_TIMEOUT)).kind()).isEqualTo(LlmFailureKind.OVERLOADED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void withoutAnApiKeyTheProviderIsUnavailableAndSendsNothing() {
        AnthropicProvider provider = new AnthropicProvider(" ", server.url(), GENEROUS_TIMEOUT);

        assertThat(provider.available()).isFalse();
        assertThat(failureOf(provider).kind()).isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
        assertThat(server.requests()).isEmpty();
    }
}
