package dev.agentry.infra.llm.bedrock;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ToolDefinition;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** Writes a neutral request as a Converse request. */
final class BedrockRequests {

    private BedrockRequests() {
    }

    static ConverseRequest toRequest(LlmRequest request) {
        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(request.modelId())
                .messages(request.messages().stream().map(BedrockRequests::message).toList())
                .inferenceConfig(InferenceConfiguration.builder().maxTokens(request.maxOutputTokens()).build());
        if (!request.systemPrompt().isBlank()) {
            converse.system(SystemContentBlock.fromText(request.systemPrompt()));
        }
        if (!request.tools().isEmpty()) {
            converse.toolConfig(ToolConfiguration.builder()
                    .tools(request.tools().stream().map(BedrockRequests::tool).toList())
                    .build());
        }
        if (request.thinking().enabled()) {
            // Converse has no field of its own for thinking; Claude reads it from the model fields.
            converse.additionalModelRequestFields(Document.mapBuilder()
                    .putDocument("thinking", Document.mapBuilder()
                            .putString("type", "enabled")
                            .putNumber("budget_tokens", request.thinkingBudgetTokens())
                            .build())
                    .build());
        }
        return converse.build();
    }

    private static Message message(ConversationMessage message) {
        List<ContentBlock> blocks = message.content().stream()
                .filter(BedrockRequests::sendable)
                .map(BedrockRequests::block)
                .toList();
        return Message.builder()
                .role(message.role() == ConversationMessage.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                .content(blocks)
                .build();
    }

    /** Empty text is rejected, and thinking without a signature (from another provider) cannot be verified. */
    private static boolean sendable(ContentPart part) {
        return !(part instanceof ContentPart.Text text && text.text().isEmpty())
                && !(part instanceof ContentPart.Thinking thinking && thinking.signature() == null);
    }

    private static ContentBlock block(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            return ContentBlock.fromText(text.text());
        }
        if (part instanceof ContentPart.ToolCall call) {
            return ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(call.id())
                    .name(call.name())
                    .input(JsonDocuments.fromJsonObject(call.argumentsJson()))
                    .build());
        }
        if (part instanceof ContentPart.ToolResult result) {
            return ContentBlock.fromToolResult(ToolResultBlock.builder()
                    .toolUseId(result.callId())
                    .content(ToolResultContentBlock.fromText(result.content()))
                    .status(result.isError() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)
                    .build());
        }
        if (part instanceof ContentPart.Thinking thinking) {
            return ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(ReasoningTextBlock.builder()
                    .text(thinking.text())
                    .signature(thinking.signature())
                    .build()));
        }
        ContentPart.RedactedThinking redacted = (ContentPart.RedactedThinking) part;
        return ContentBlock.fromReasoningContent(ReasoningContentBlock.fromRedactedContent(
                SdkBytes.fromByteArray(Base64.getDecoder().decode(redacted.data()))));
    }

    private static Tool tool(ToolDefinition tool) {
        return Tool.fromToolSpec(ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(ToolInputSchema.fromJson(JsonDocuments.fromJsonObject(tool.jsonSchema())))
                .build());
    }
}
