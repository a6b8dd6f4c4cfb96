package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.ThinkingMode;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.llm.ToolDefinition;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conversation of one run, driven from workflow code: asks the model, runs the tools it calls, feeds
 * their results back, until the model answers without calling a tool, the step limit is reached or the next
 * call would pass the run's token budget.
 * Every model call and every tool call is an activity, so a run resumed after a crash repeats none of
 * those that completed. When a call fails in a way another model may not (the provider down, overloaded,
 * refusing the credentials, or no longer knowing the model), the call goes to the next model the run was
 * prepared with, and so do the run's later calls; which model that is follows from the activity results
 * alone, so replay takes the same turns.
 */
final class AgentLoop {

    private static final Logger log = Workflow.getLogger(AgentLoop.class);

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

    /** Thrown within the loop when a call failed and no model is left to ask instead. */
    private static final class CallFailed extends Exception {
        private final End end;

        CallFailed(End end) {
            super(end.errorMessage(), null, false, false);
            this.end = end;
        }
    }

    private final LlmActivities llm;
    private final LlmActivities llmWithFallbackLeft;
    private final RunActivities catalogueReports;
    private final ToolActivities toolActivities;
    private final List<RunModel> models;
    private final List<ModelAttempt> attempts = new ArrayList<>();
    private int current;
    private final String systemPrompt;
    private final List<ToolDefinition> tools;
    private final ToolContext toolContext;
    private final List<ConversationMessage> messages = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private final RunTokenBudget budget;

    /**
     * @param llm                 the model call when no other model is left: the provider's failures are retried
     * @param llmWithFallbackLeft the model call while another model is left: retried briefly, then left behind
     * @param catalogueReports    where a model its provider no longer knows is reported
     */
    AgentLoop(LlmActivities llm, LlmActivities llmWithFallbackLeft, RunActivities catalogueReports,
              ToolActivities toolActivities, PreparedRun prepared, ToolContext toolContext) {
        this.llm = llm;
        this.llmWithFallbackLeft = llmWithFallbackLeft;
        this.catalogueReports = catalogueReports;
        this.toolActivities = toolActivities;
        List<RunModel> candidates = new ArrayList<>();
        candidates.add(prepared.model());
        candidates.addAll(prepared.fallbacks());
        this.models = List.copyOf(candidates);
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
                response = complete(call);
            } catch (CallFailed failed) {
                return failed.end;
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

    /** Every call to a model so far, oldest first, the failed ones included. */
    List<ModelAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The model that answered last, or that was asked last when none answered. */
    RunModel lastModel() {
        return models.get(current);
    }

    private LlmResponse complete(int call) throws CallFailed {
        while (true) {
            RunModel model = models.get(current);
            LlmActivities activity = current + 1 < models.size() ? llmWithFallbackLeft : llm;
            try {
                LlmResponse response = activity.complete(model.provider(), request(model));
                attempts.add(ModelAttempt.answered(call, model));
                return response;
            } catch (ActivityFailure failure) {
                End end = failedCall(failure);
                attempts.add(ModelAttempt.failed(call, model, end.errorKind(), end.errorMessage()));
                Optional<LlmFailureKind> kind = kindNamed(end.errorKind());
                if (kind.filter(LlmFailureKind.MODEL_NOT_FOUND::equals).isPresent()) {
                    reportNotFound(model, end.errorMessage());
                }
                int next = kind.filter(LlmFailureKind::movesToAnotherModel)
                        .map(failed -> nextModelAfter(model, failed.isProviderWide()))
                        .orElse(-1);
                if (next < 0) {
                    throw new CallFailed(end);
                }
                log.info("Call {} of the run: {} ({}) failed with {}, moving to {} ({})", call, model.name(),
                        model.provider(), end.errorKind(), models.get(next).name(), models.get(next).provider());
                current = next;
            }
        }
    }

    /** The next model to ask; a failure of the whole provider passes over that provider's other models too. */
    private int nextModelAfter(RunModel failed, boolean providerWide) {
        for (int index = current + 1; index < models.size(); index++) {
            if (!providerWide || !models.get(index).provider().equals(failed.provider())) {
                return index;
            }
        }
        return -1;
    }

    /** The run moves on whether or not the catalogue took the report; the next run reports it again. */
    private void reportNotFound(RunModel model, String reason) {
        try {
            catalogueReports.recordModelNotFound(model, reason);
        } catch (ActivityFailure failure) {
            log.warn("Model {} not recorded as unknown to {}: {}", model.name(), model.provider(), messageOf(failure));
        }
    }

    private static Optional<LlmFailureKind> kindNamed(String errorKind) {
        return Arrays.stream(LlmFailureKind.values()).filter(kind -> kind.name().equals(errorKind)).findFirst();
    }

    private LlmRequest request(RunModel model) {
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
