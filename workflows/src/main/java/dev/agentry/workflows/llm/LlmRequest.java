package dev.agentry.workflows.llm;

import java.util.List;
import java.util.Objects;

/**
 * One call to a language model, in terms every provider understands.
 *
 * @param modelId the provider's own model id (for Bedrock the model or inference-profile id)
 * @param systemPrompt instructions sent ahead of the conversation; may be empty
 * @param messages the conversation so far, oldest first
 * @param tools the tools the model may call; may be empty
 * @param maxOutputTokens the most tokens the model may produce, thinking included
 * @param thinking whether and how much the model should reason before answering
 */
public record LlmRequest(
        String modelId,
        String systemPrompt,
        List<ConversationMessage> messages,
        List<ToolDefinition> tools,
        int maxOutputTokens,
        ThinkingMode thinking) {

    public LlmRequest {
        Objects.requireNonNull(modelId, "modelId");
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        thinking = thinking == null ? ThinkingMode.none() : thinking;
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
        }
        if (thinking.kind() == ThinkingMode.Kind.EXTENDED && thinking.budgetTokens() >= maxOutputTokens) {
            throw new IllegalArgumentException("the thinking budget must leave room for the answer: "
                    + thinking.budgetTokens() + " >= " + maxOutputTokens);
        }
    }

    /**
     * The thinking budget for providers that take one: an explicit budget as given, a budget
     * derived from an effort capped at half the output so the answer keeps room.
     */
    public int thinkingBudgetTokens() {
        return thinking.kind() == ThinkingMode.Kind.EXTENDED
                ? thinking.budgetTokens()
                : Math.min(thinking.asBudgetTokens(), maxOutputTokens / 2);
    }
}
