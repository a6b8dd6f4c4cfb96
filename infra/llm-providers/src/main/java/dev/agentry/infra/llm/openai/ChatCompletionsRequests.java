package dev.agentry.infra.llm.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.agentry.infra.llm.JsonArguments;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a neutral request as a chat completions request, for OpenAI and OpenAI-compatible
 * servers alike. Thinking parts stay out: chat completions has no way to send them back.
 */
final class ChatCompletionsRequests {

    private ChatCompletionsRequests() {
    }

    static ChatCompletionCreateParams toParams(LlmRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(request.modelId())
                // reasoning models accept only max_completion_tokens, which counts reasoning tokens too
                .maxCompletionTokens(request.maxOutputTokens());
        if (!request.systemPrompt().isBlank()) {
            params.addSystemMessage(request.systemPrompt());
        }
        request.messages().forEach(message -> addMessage(params, message));
        request.tools().forEach(tool -> params.addFunctionTool(function(tool)));
        if (request.thinking().enabled()) {
            params.reasoningEffort(ReasoningEffort.of(
                    request.thinking().asReasoningEffort().name().toLowerCase(Locale.ROOT)));
        }
        return params.build();
    }

    private static void addMessage(ChatCompletionCreateParams.Builder params, ConversationMessage message) {
        if (message.role() == ConversationMessage.Role.ASSISTANT) {
            params.addMessage(assistant(message));
            return;
        }
        // Tool results are messages of their own and must directly follow the assistant's calls.
        message.content().stream()
                .filter(ContentPart.ToolResult.class::isInstance)
                .map(ContentPart.ToolResult.class::cast)
                .forEach(result -> params.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(result.callId())
                        .content(result.isError() ? "Error: " + result.content() : result.content())
                        .build()));
        String text = text(message);
        if (!text.isEmpty()) {
            params.addUserMessage(text);
        }
    }

    private static ChatCompletionAssistantMessageParam assistant(ConversationMessage message) {
        ChatCompletionAssistantMessageParam.Builder assistant = ChatCompletionAssistantMessageParam.builder();
        String text = text(message);
        if (!text.isEmpty()) {
            assistant.content(text);
        }
        message.content().stream()
                .filter(ContentPart.ToolCall.class::isInstance)
                .map(ContentPart.ToolCall.class::cast)
                .forEach(call -> assistant.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                        .id(call.id())
                        .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                .name(call.name())
                                .arguments(call.argumentsJson())
                                .build())
                        .build()));
        return assistant.build();
    }

    private static String text(ConversationMessage message) {
        return message.content().stream()
                .filter(ContentPart.Text.class::isInstance)
                .map(part -> ((ContentPart.Text) part).text())
                .collect(Collectors.joining("\n"));
    }

    private static FunctionDefinition function(ToolDefinition tool) {
        ObjectNode schema = JsonArguments.parseObject(tool.jsonSchema());
        Map<String, JsonValue> parameters = new LinkedHashMap<>();
        schema.fields().forEachRemaining(field ->
                parameters.put(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return FunctionDefinition.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(FunctionParameters.builder().putAllAdditionalProperties(parameters).build())
                .build();
    }
}
