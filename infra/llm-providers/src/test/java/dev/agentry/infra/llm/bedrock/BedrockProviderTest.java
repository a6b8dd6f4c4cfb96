package dev.agentry.infra.llm.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.FakeVendorServer.RecordedRequest;
import dev.agentry.infra.llm.ProviderFailureContract;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.LlmResponse.StopReason;
import dev.agentry.workflows.llm.ThinkingMode;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BedrockProviderTest extends ProviderFailureContract {

    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final Map<String, String> AWS_PROPERTIES = Map.of(
            "aws.accessKeyId", ACCESS_KEY_ID,
            "aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws.region", "eu-west-1");
    private static final Map<String, String> previousProperties = new HashMap<>();

    private static final ToolDefinition WEATHER = new ToolDefinition("weather", "Current weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

    /** The default credentials and region chains read these system properties first. */
    @BeforeAll
    static void setAwsCredentials() {
        AWS_PROPERTIES.forEach((name, value) -> {
            previousProperties.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
    }

    @AfterAll
    static void restoreAwsCredentials() {
        previousProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Override
    protected LlmProvider createProvider(FakeVendorServer server, Duration timeout) {
        return new BedrockProvider(null, URI.create(server.url()), timeout);
    }

    @Override
    protected String modelId() {
        return MODEL;
    }

    @Override
    protected String plainAnswer() {
        return """
                {"output":{"message":{"role":"assistant","content":[{"text":"Hello there."}]}},
                 "stopReason":"end_turn",
                 "usage":{"inputTokens":21,"outputTokens":5,"totalTokens":26},
                 "metrics":{"latencyMs":412}}
                """;
    }

    @Override
    protected void answerWithError(VendorError error, String... headers) {
        switch (error) {
            case RATE_LIMITED -> answerWithError(429, "ThrottlingException", "Too many tokens, please wait before trying again.", headers);
            case SERVER_ERROR -> answerWithError(500, "InternalServerException", "The server encountered an internal error.", headers);
            case CONTEXT_TOO_LONG -> answerWithError(400, "ValidationException", "Input is too long for requested model.", headers);
            case INVALID_REQUEST -> answerWithError(400, "ValidationException", "messages.0.content: Field required", headers);
            case MODEL_NOT_FOUND -> answerWithError(400, "ValidationException", "The provided model identifier is invalid.", headers);
            case BAD_CREDENTIALS -> answerWithError(403, "UnrecognizedClientException", "The security token included in the request is invalid.", headers);
        }
    }

    /** Bedrock names the error in the x-amzn-ErrorType header and explains it in the body. */
    private void answerWithError(int status, String type, String message, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "x-amzn-ErrorType";
        all[1] = type + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
        System.arraycopy(headers, 0, all, 2, headers.length);
        server.answer(status, "{\"message\":\"" + message + "\"}", all);
    }

    @Test
    void aPlainAnswerIsReadAndTheRequestIsSignedForTheModelsPath() throws Exception {
        server.answer(200, plainAnswer());
        LlmRequest request = new LlmRequest(MODEL, "You are terse.",
                List.of(ConversationMessage.user("Hi")), List.of(), 1024, ThinkingMode.none());

        LlmResponse response = provider(server, GENEROUS_TIMEOUT).complete(request);

        assertThat(response.text()).isEqualTo("Hello there.");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage()).isEqualTo(new TokenUsage(21, 5));
        assertThat(response.providerModelId()).isEqualTo(MODEL);

        RecordedRequest sent = server.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.rawPath()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
        assertThat(sent.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/")
                .contains("/eu-west-1/bedrock/aws4_request");
        JsonNode body = sent.json();
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("You are terse.");
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(1024);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Hi");
        assertThat(body.has("toolConfig")).isFalse();
        assertThat(body.has("additionalModelRequestFields")).isFalse();
    }

    @Test
    void aToolCallWithReasoningIsFollowedByTheResultAndTheSignedReasoningGoesBack() throws Exception {
        server.answer(200, """
                {"output":{"message":{"role":"assistant","content":[
                    {"reasoningContent":{"reasoningText":{"text":"I will call the weather tool.","signature":"ErcBCkgIBRABGAIiQ"}}},
                    {"text":"Let me check."},
                    {"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"weather","input":{"city":"Oslo","days":2}}}]}},
                 "stopReason":"tool_use",
                 "usage":{"inputTokens":100,"outputTokens":50,"totalTokens":550,"cacheReadInputTokens":400,"cacheWriteInputTokens":0},
                 "metrics":{"latencyMs":1200}}
                """);
        server.answer(200, """
                {"output":{"message":{"role":"assistant","content":[{"text":"It rains in Oslo, 4 degrees."}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":180,"outputTokens":12,"totalTokens":192},
                 "metrics":{"latencyMs":300}}
                """);
        LlmProvider provider = provider(server, GENEROUS_TIMEOUT);
        ConversationMessage question = ConversationMessage.user("Weather in Oslo?");

        LlmResponse toolUse = provider.complete(new LlmRequest(MODEL, "Use tools.", List.of(question),
                List.of(WEATHER), 4096, ThinkingMode.extended(2048)));

        assertThat(toolUse.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(toolUse.usage()).isEqualTo(new TokenUsage(500, 50));
        assertThat(toolUse.content()).containsExactly(
                new ContentPart.Thinking("I will call the weather tool.", "ErcBCkgIBRABGAIiQ"),
                new ContentPart.Text("Let me check."),
                new ContentPart.ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "weather", "{\"city\":\"Oslo\",\"days\":2}"));
        JsonNode firstBody = server.lastRequest().json();
        JsonNode thinking = firstBody.path("additionalModelRequestFields").path("thinking");
        assertThat(thinking.path("type").asText()).isEqualTo("enabled");
        assertThat(thinking.path("budget_tokens").asInt()).isEqualTo(2048);
        JsonNode spec = firstBody.path("toolConfig").path("tools").get(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo("weather");
        assertThat(spec.path("description").asText()).isEqualTo("Current weather in a city");
        assertThat(spec.path("inputSchema").path("json").path("properties").path("city").path("type").asText())
                .isEqualTo("string");

        LlmResponse answer = provider.complete(new LlmRequest(MODEL, "Use tools.", List.of(question,
                toolUse.asAssistantMessage(),
                ConversationMessage.user(List.of(new ContentPart.ToolResult("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "Rain, 4 degrees", false)))),
                List.of(WEATHER), 4096, ThinkingMode.extended(2048)));

        assertThat(answer.text()).isEqualTo("It rains in Oslo, 4 degrees.");
        JsonNode messages = server.lastRequest().json().path("messages");
        JsonNode assistant = messages.get(1).path("content");
        assertThat(assistant.get(0).path("reasoningContent").path("reasoningText").path("signature").asText())
                .isEqualTo("ErcBCkgIBRABGAIiQ");
        assertThat(assistant.get(2).path("toolUse").path("toolUseId").asText()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(assistant.get(2).path("toolUse").path("input").path("days").asInt()).isEqualTo(2);
        JsonNode result = messages.get(2).path("content").get(0).path("toolResult");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
        assertThat(result.path("toolUseId").asText()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("Rain, 4 degrees");
        assertThat(result.path("status").asText()).isEqualTo("success");
    }
}
