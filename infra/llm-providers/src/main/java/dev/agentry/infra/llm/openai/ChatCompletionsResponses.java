package dev.agentry.infra.llm.openai;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;
import dev.agentry.infra.llm.MalformedAnswerException;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.LlmResponse.StopReason;
import dev.agentry.workflows.llm.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a chat completion. The SDK reads fields lazily, so a missing required field surfaces
 * here as {@code OpenAIInvalidDataException}; a completion without choices is as unreadable.
 */
final class ChatCompletionsResponses {

    private ChatCompletionsResponses() {
    }

    static LlmResponse toResponse(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            throw new MalformedAnswerException("a chat completion without choices");
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessage message = choice.message();
        List<ContentPart> content = new ArrayList<>();
        message.content().filter(text -> !text.isEmpty()).ifPresent(text -> content.add(new ContentPart.Text(text)));
        message.toolCalls().orElse(List.of()).stream()
                .filter(ChatCompletionMessageToolCall::isFunction)
                .map(ChatCompletionMessageToolCall::asFunction)
                .forEach(call -> content.add(new ContentPart.ToolCall(
                        call.id(), call.function().name(), call.function().arguments())));
        TokenUsage usage = completion.usage().map(ChatCompletionsResponses::usage).orElse(TokenUsage.NONE);
        return new LlmResponse(content, stopReason(choice.finishReason().asString()), usage, completion.model());
    }

    private static StopReason stopReason(String finishReason) {
        return switch (finishReason) {
            case "stop" -> StopReason.END_TURN;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "length" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    private static TokenUsage usage(CompletionUsage usage) {
        return new TokenUsage(usage.promptTokens(), usage.completionTokens());
    }
}
