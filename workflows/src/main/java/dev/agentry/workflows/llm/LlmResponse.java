package dev.agentry.workflows.llm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the model answered.
 *
 * @param providerModelId the model that answered, as the provider names it
 */
public record LlmResponse(
        List<ContentPart> content, StopReason stopReason, TokenUsage usage, String providerModelId) {

    public enum StopReason { END_TURN, TOOL_USE, MAX_TOKENS, OTHER }

    public LlmResponse {
        content = List.copyOf(content);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }

    /** The text parts joined, without thinking or tool calls. */
    public String text() {
        return content.stream()
                .filter(ContentPart.Text.class::isInstance)
                .map(part -> ((ContentPart.Text) part).text())
                .collect(Collectors.joining());
    }

    public List<ContentPart.ToolCall> toolCalls() {
        return content.stream()
                .filter(ContentPart.ToolCall.class::isInstance)
                .map(ContentPart.ToolCall.class::cast)
                .toList();
    }

    /** This answer as the assistant turn to send back on the next call. */
    public ConversationMessage asAssistantMessage() {
        return ConversationMessage.assistant(content);
    }
}
