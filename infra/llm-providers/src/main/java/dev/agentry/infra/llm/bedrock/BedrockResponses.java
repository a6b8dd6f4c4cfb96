package dev.agentry.infra.llm.bedrock;

import dev.agentry.infra.llm.MalformedAnswerException;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.LlmResponse.StopReason;
import dev.agentry.workflows.llm.TokenUsage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;

/** Reads a Converse answer; one without a message is unreadable. */
final class BedrockResponses {

    private BedrockResponses() {
    }

    static LlmResponse toResponse(ConverseResponse response, String modelId) {
        if (response.output() == null || response.output().message() == null) {
            throw new MalformedAnswerException("a Converse answer without output.message");
        }
        List<ContentPart> content = new ArrayList<>();
        for (ContentBlock block : response.output().message().content()) {
            if (block.text() != null) {
                content.add(new ContentPart.Text(block.text()));
            } else if (block.toolUse() != null) {
                content.add(new ContentPart.ToolCall(block.toolUse().toolUseId(), block.toolUse().name(),
                        JsonDocuments.toJson(block.toolUse().input())));
            } else if (block.reasoningContent() != null) {
                content.add(reasoning(block.reasoningContent()));
            }
        }
        // Converse does not name the model that answered; the id asked for is the best there is.
        return new LlmResponse(content, stopReason(response.stopReasonAsString()), usage(response), modelId);
    }

    private static ContentPart reasoning(ReasoningContentBlock reasoning) {
        if (reasoning.reasoningText() != null) {
            return new ContentPart.Thinking(reasoning.reasoningText().text(), reasoning.reasoningText().signature());
        }
        return new ContentPart.RedactedThinking(Base64.getEncoder().encodeToString(reasoning.redactedContent().asByteArray()));
    }

    private static StopReason stopReason(String reason) {
        return switch (reason == null ? "" : reason) {
            case "end_turn", "stop_sequence" -> StopReason.END_TURN;
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    /** Cache reads and writes are billed input too; Converse reports them apart. */
    private static TokenUsage usage(ConverseResponse response) {
        if (response.usage() == null) {
            return TokenUsage.NONE;
        }
        long input = orZero(response.usage().inputTokens())
                + orZero(response.usage().cacheReadInputTokens())
                + orZero(response.usage().cacheWriteInputTokens());
        return new TokenUsage(input, orZero(response.usage().outputTokens()));
    }

    private static long orZero(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }
}
