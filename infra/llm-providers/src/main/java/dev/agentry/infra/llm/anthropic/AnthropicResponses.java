package dev.agentry.infra.llm.anthropic;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.LlmResponse.StopReason;
import dev.agentry.workflows.llm.TokenUsage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messages API answer. Fields are read lazily by the SDK, so a missing required field
 * surfaces here as {@code AnthropicInvalidDataException}.
 */
final class AnthropicResponses {

    private AnthropicResponses() {
    }

    static LlmResponse toResponse(Message message) {
        List<ContentPart> content = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            block.text().ifPresent(text -> content.add(new ContentPart.Text(text.text())));
            block.thinking().ifPresent(thinking ->
                    content.add(new ContentPart.Thinking(thinking.thinking(), thinking.signature())));
            block.redactedThinking().ifPresent(redacted -> content.add(new ContentPart.RedactedThinking(redacted.data())));
            block.toolUse().ifPresent(toolUse -> content.add(toolCall(toolUse)));
        }
        String stopReason = message.stopReason().map(reason -> reason.asString()).orElse("");
        return new LlmResponse(content, stopReason(stopReason), usage(message.usage()), message.model().asString());
    }

    private static ContentPart.ToolCall toolCall(ToolUseBlock toolUse) {
        try {
            String arguments = ObjectMappers.jsonMapper().writeValueAsString(toolUse._input());
            return new ContentPart.ToolCall(toolUse.id(), toolUse.name(), arguments);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StopReason stopReason(String reason) {
        return switch (reason) {
            case "end_turn", "stop_sequence" -> StopReason.END_TURN;
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    /** Cached and cache-writing input is billed input too; the API reports it separately. */
    private static TokenUsage usage(Usage usage) {
        long input = usage.inputTokens()
                + usage.cacheCreationInputTokens().orElse(0L)
                + usage.cacheReadInputTokens().orElse(0L);
        return new TokenUsage(input, usage.outputTokens());
    }
}
