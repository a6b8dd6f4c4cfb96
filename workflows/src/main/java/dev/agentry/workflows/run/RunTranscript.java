package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;

import java.time.Instant;
import java.util.List;

/**
 * The whole conversation of one run, kept in blob storage; the run's event only refers to it.
 *
 * @param messages    the conversation, oldest first: the task, the model's turns with their tool calls,
 *                    and the tool results
 * @param finalAnswer the model's last text; null when the run failed before one
 * @param errorKind   null when the run succeeded
 * @param model       the model that answered last (or was tried last, when none answered)
 * @param attempts    every call to a model, oldest first, the failed ones that moved the run to another
 *                    model included; empty in transcripts stored before attempts were kept
 */
public record RunTranscript(
        String agentId,
        String runId,
        String model,
        Instant startedAt,
        Instant finishedAt,
        String systemPrompt,
        List<ToolDefinition> tools,
        List<ConversationMessage> messages,
        String finalAnswer,
        String errorKind,
        String errorMessage,
        TokenUsage usage,
        List<ModelAttempt> attempts) {

    public RunTranscript {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        tools = tools == null ? List.of() : List.copyOf(tools);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A transcript without its list of model calls, as transcripts were stored before they had one. */
    public RunTranscript(String agentId, String runId, String model, Instant startedAt, Instant finishedAt,
                         String systemPrompt, List<ToolDefinition> tools, List<ConversationMessage> messages,
                         String finalAnswer, String errorKind, String errorMessage, TokenUsage usage) {
        this(agentId, runId, model, startedAt, finishedAt, systemPrompt, tools, messages, finalAnswer, errorKind,
                errorMessage, usage, List.of());
    }
}
