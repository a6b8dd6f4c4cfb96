package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.ThinkingMode;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The conversation of one run, driven from workflow code: asks the model, runs the tools it calls, feeds
 * their results back, until the model answers without calling a tool, the step limit is reached or the next
 * call would pass the run's token budget.
 * Every model call and every tool call is an activity, so a run resumed after a crash repeats none of
 * those that completed.
 */
final class AgentLoop {

    /** The most model calls one run may make. */
    static final int MAX_LLM_CALLS = 20;
    static final int MAX_OUTPUT_TOKENS = 16_000;
    static final String STEP_LIMIT = "STEP_LIMIT";
    static final String TIMEOUT = "TIMEOUT";

    /** How the conversation ended: a final answer, or a failure kind and message. */
    record End(String finalAnswer, String errorKind, String errorMessage) {

        static End answered(String finalAnswer) {
            return new End(finalAnswer, null, null);
        }

        static End failed(String errorKind, String errorMessage) {
            return new End(null, errorKind, errorMessage);
        }
    }

    private final LlmActivities llm;
    private final ToolActivities toolActivities;
    private final RunModel model;
    private final String systemPrompt;
    private final List<ToolDefinition> tools;
    private final ToolContext toolContext;
    private final List<ConversationMessage> messages = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private final RunTokenBudget budget;

    AgentLoop(LlmActivities llm, ToolActivities toolActivities, PreparedRun prepared, ToolContext toolContext) {
        this.llm = llm;
        this.toolActivities = toolActivities;
        this.model = prepared.model();
        this.systemPrompt = prepared.instructions();
        this.tools = prepared.tools();
        this.toolContext = toolContext;
        this.budget = RunTokenBudget.of(prepared.maxTokensPerRun());
    }

    End converse(String task) {
        messages.add(ConversationMessage.user(task));
        for (int call = 1; call <= MAX_LLM_CALLS; call++) {
            if (!budget.allowsNextCall()) {
                return End.failed(RunTokenBudget.BUDGET_EXCEEDED, budget.exceededMessage());
            }
            LlmResponse response;
            try {
                response = llm.complete(model.provider(), request());
            } catch (ActivityFailure failure) {
                return failedCall(failure);
            }
            usage = usage.plus(response.usage());
            budget.spent(response.usage());
            messages.add(response.asAssistantMessage());
            if (response.toolCalls().isEmpty()) {
                return End.answered(response.text());
            }
            if (call == MAX_LLM_CALLS) {
                break; // no call is left to show the model what its tools answered
            }
            messages.add(ConversationMessage.user(runTools(response.toolCalls())));
        }
        return End.failed(STEP_LIMIT, "the model did not finish within %d calls".formatted(MAX_LLM_CALLS));
    }

    List<ConversationMessage> messages() {
        return List.copyOf(messages);
    }

    TokenUsage usage() {
        return usage;
    }

    private LlmRequest request() {
        ThinkingMode thinking = model.thinking()
                ? ThinkingMode.reasoningEffort(ThinkingMode.ReasoningEffort.HIGH)
                : ThinkingMode.none();
        return new LlmRequest(model.providerModelId(), systemPrompt, messages, tools, MAX_OUTPUT_TOKENS, thinking);
    }

    private List<ContentPart> runTools(List<ContentPart.ToolCall> calls) {
        List<ContentPart> results = new ArrayList<>();
        for (ContentPart.ToolCall call : calls) {
            ToolOutcome outcome = offered(call.name())
                    ? invoke(call)
                    : ToolOutcome.error("tool '%s' is not available; the tools you may call are: %s"
                            .formatted(call.name(), offeredNames()));
            results.add(new ContentPart.ToolResult(call.id(), outcome.content(), outcome.isError()));
        }
        return results;
    }

    private ToolOutcome invoke(ContentPart.ToolCall call) {
        try {
            return toolActivities.invoke(call.name(), call.argumentsJson(), toolContext.forCall(call.id()));
        } catch (ActivityFailure failure) {
            return ToolOutcome.error("tool '%s' failed: %s".formatted(call.name(), messageOf(failure)));
        }
    }

    private boolean offered(String toolName) {
        return tools.stream().anyMatch(tool -> tool.name().equals(toolName));
    }

    private String offeredNames() {
        return tools.isEmpty() ? "none" : tools.stream().map(ToolDefinition::name).collect(Collectors.joining(", "));
    }

    /** The activity's failure type is the provider's classification; running out of time is a timeout. */
    private static End failedCall(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure classified) {
            return End.failed(classified.getType(), classified.getOriginalMessage());
        }
        if (failure.getCause() instanceof TimeoutFailure) {
            return End.failed(TIMEOUT, "the model did not answer in time");
        }
        return End.failed("LLM_CALL_FAILED", messageOf(failure));
    }

    private static String messageOf(ActivityFailure failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return cause instanceof ApplicationFailure application ? application.getOriginalMessage() : cause.getMessage();
    }
}
