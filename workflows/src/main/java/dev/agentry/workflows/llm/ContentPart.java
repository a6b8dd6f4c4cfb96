package dev.agentry.workflows.llm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * A piece of a message. The type name travels with the JSON so that conversations survive a
 * round trip through Temporal's Jackson payloads.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ContentPart.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ContentPart.ToolCall.class, name = "tool_call"),
    @JsonSubTypes.Type(value = ContentPart.ToolResult.class, name = "tool_result"),
    @JsonSubTypes.Type(value = ContentPart.Thinking.class, name = "thinking"),
    @JsonSubTypes.Type(value = ContentPart.RedactedThinking.class, name = "redacted_thinking")
})
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The model asks for a tool to be run.
     *
     * @param argumentsJson the arguments as a JSON object, exactly as the model produced them
     */
    record ToolCall(String id, String name, String argumentsJson) implements ContentPart {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        }
    }

    /** What a tool returned, answering the call with the same id. */
    record ToolResult(String callId, String content, boolean isError) implements ContentPart {
        public ToolResult {
            Objects.requireNonNull(callId, "callId");
            content = content == null ? "" : content;
        }
    }

    /**
     * The model's reasoning. Anthropic and Bedrock require it, signature included, to be sent
     * back unchanged in the turn that continues a tool call.
     */
    record Thinking(String text, String signature) implements ContentPart {
        public Thinking {
            text = text == null ? "" : text;
        }
    }

    /** Reasoning the provider encrypted; it too must be sent back unchanged. */
    record RedactedThinking(String data) implements ContentPart {
        public RedactedThinking {
            Objects.requireNonNull(data, "data");
        }
    }
}
