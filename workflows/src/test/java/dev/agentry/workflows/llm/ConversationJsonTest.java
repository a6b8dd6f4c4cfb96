package dev.agentry.workflows.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRequestWithEveryKindOfPartSurvivesAJsonRoundTrip() throws Exception {
        LlmRequest request = new LlmRequest(
                "claude-sonnet",
                "Be brief.",
                List.of(
                        ConversationMessage.user("What is the weather in Oslo?"),
                        ConversationMessage.assistant(List.of(
                                new ContentPart.Thinking("I should look it up.", "sig-1"),
                                new ContentPart.RedactedThinking("opaque"),
                                new ContentPart.ToolCall("call-1", "weather", "{\"city\":\"Oslo\"}"))),
                        ConversationMessage.user(List.of(
                                new ContentPart.ToolResult("call-1", "Rain, 4 degrees", false)))),
                List.of(new ToolDefinition("weather", "Current weather", "{\"type\":\"object\"}")),
                4096,
                ThinkingMode.extended(2048));

        String text = json.writeValueAsString(request);
        LlmRequest back = json.readValue(text, LlmRequest.class);

        assertThat(back).isEqualTo(request);
        assertThat(text).contains("\"type\":\"tool_call\"", "\"type\":\"thinking\"");
    }

    @Test
    void aResponseSurvivesAJsonRoundTripWithoutItsDerivedViews() throws Exception {
        LlmResponse response = new LlmResponse(
                List.of(new ContentPart.Text("Hello"), new ContentPart.ToolCall("c", "t", "{}")),
                LlmResponse.StopReason.TOOL_USE,
                new TokenUsage(12, 3),
                "gpt-x");

        String text = json.writeValueAsString(response);
        LlmResponse back = json.readValue(text, LlmResponse.class);

        assertThat(back).isEqualTo(response);
        assertThat(back.text()).isEqualTo("Hello");
        assertThat(back.toolCalls()).extracting(ContentPart.ToolCall::name).containsExactly("t");
        assertThat(json.readTree(text).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("content", "stopReason", "usage", "providerModelId");
    }
}
