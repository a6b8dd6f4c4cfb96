package dev.agentry.infra.llm.anthropic;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RedactedThinkingBlockParam;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ThinkingBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentry.infra.llm.JsonArguments;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a neutral request as a Messages API request. */
final class AnthropicRequests {

    private AnthropicRequests() {
    }

    static MessageCreateParams toParams(LlmRequest request) {
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(request.modelId())
                .maxTokens(request.maxOutputTokens())
                .messages(request.messages().stream().map(AnthropicRequests::message).toList());
        if (!request.systemPrompt().isBlank()) {
            // A top-level block marked for caching: agents resend the same instructions every turn.
            params.systemOfTextBlockParams(List.of(TextBlockParam.builder()
                    .text(request.systemPrompt())
                    .cacheControl(CacheControlEphemeral.builder().build())
                    .build()));
        }
        request.tools().forEach(tool -> params.addTool(tool(tool)));
        if (request.thinking().enabled()) {
            params.enabledThinking(request.thinkingBudgetTokens());
        }
        return params.build();
    }

    private static MessageParam message(ConversationMessage message) {
        List<ContentBlockParam> blocks = message.content().stream()
                .filter(AnthropicRequests::sendable)
                .map(AnthropicRequests::block)
                .toList();
        return message.role() == ConversationMessage.Role.USER
                ? MessageParam.ofUserOfContentBlockParams(blocks)
                : MessageParam.ofAssistantOfContentBlockParams(blocks);
    }

    /** Empty text is rejected, and thinking without a signature (from another provider) cannot be verified. */
    private static boolean sendable(ContentPart part) {
        return !(part instanceof ContentPart.Text text && text.text().isEmpty())
                && !(part instanceof ContentPart.Thinking thinking && thinking.signature() == null);
    }

    private static ContentBlockParam block(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            return ContentBlockParam.ofText(TextBlockParam.builder().text(text.text()).build());
        }
        if (part instanceof ContentPart.ToolCall call) {
            return ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                    .id(call.id())
                    .name(call.name())
                    .input(ToolUseBlockParam.Input.builder()
                            .putAllAdditionalProperties(jsonValues(JsonArguments.parseObject(call.argumentsJson())))
                            .build())
                    .build());
        }
        if (part instanceof ContentPart.ToolResult result) {
            return ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                    .toolUseId(result.callId())
                    .content(result.content())
                    .isError(result.isError())
                    .build());
        }
        if (part instanceof ContentPart.Thinking thinking) {
            return ContentBlockParam.ofThinking(ThinkingBlockParam.builder()
                    .thinking(thinking.text())
                    .signature(thinking.signature())
                    .build());
        }
        ContentPart.RedactedThinking redacted = (ContentPart.RedactedThinking) part;
        return ContentBlockParam.ofRedactedThinking(RedactedThinkingBlockParam.builder().data(redacted.data()).build());
    }

    private static Tool tool(ToolDefinition tool) {
        ObjectNode schema = JsonArguments.parseObject(tool.jsonSchema());
        schema.remove("type"); // the SDK writes "type": "object" itself
        return Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(Tool.InputSchema.builder().putAllAdditionalProperties(jsonValues(schema)).build())
                .build();
    }

    private static Map<String, JsonValue> jsonValues(ObjectNode object) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return values;
    }
}
