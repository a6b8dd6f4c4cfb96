package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.llm.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A model that answers from a script, in order, and remembers every request it was sent. */
public final class ScriptedGateway implements LlmGateway {

    /** @param at when the call arrived, in the test service's (skipping) time */
    public record Call(String provider, LlmRequest request, Instant at) {
    }

    private interface Step {
        LlmResponse answer() throws LlmCallFailure;
    }

    private final Supplier<Instant> clock;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private Step whenScriptEnds = () -> {
        throw new LlmCallFailure(LlmFailureKind.INVALID_REQUEST, "the script has no more answers");
    };

    public ScriptedGateway(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public ScriptedGateway answer(String text, long inputTokens, long outputTokens) {
        LlmResponse response = new LlmResponse(List.of(new ContentPart.Text(text)), LlmResponse.StopReason.END_TURN,
                new TokenUsage(inputTokens, outputTokens), "scripted-model");
        script.add(() -> response);
        return this;
    }

    /** Answers after holding the call for the given time, as a slow model would. */
    public ScriptedGateway answerAfter(Duration delay, String text) {
        LlmResponse response = new LlmResponse(List.of(new ContentPart.Text(text)), LlmResponse.StopReason.END_TURN,
                TokenUsage.NONE, "scripted-model");
        script.add(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return response;
        });
        return this;
    }

    public ScriptedGateway callTool(String callId, String toolName, String argumentsJson, long inputTokens, long outputTokens) {
        LlmResponse response = toolCall(callId, toolName, argumentsJson, inputTokens, outputTokens);
        script.add(() -> response);
        return this;
    }

    public ScriptedGateway fail(LlmFailureKind kind, Duration retryAfter) {
        script.add(() -> {
            throw new LlmCallFailure(kind, "scripted " + kind, retryAfter, null);
        });
        return this;
    }

    /** Once the script is used up, every further call asks for the tool again. */
    public ScriptedGateway keepCallingTool(String toolName) {
        whenScriptEnds = () -> toolCall("call-" + calls.size(), toolName, "{}", 1, 1);
        return this;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<LlmRequest> requests() {
        return calls().stream().map(Call::request).toList();
    }

    @Override
    public LlmResponse complete(String providerName, LlmRequest request) throws LlmCallFailure {
        calls.add(new Call(providerName, request, clock.get()));
        Step step = script.poll();
        return (step == null ? whenScriptEnds : step).answer();
    }

    @Override
    public Set<String> availableProviders() {
        return Set.of("scripted");
    }

    private static LlmResponse toolCall(String callId, String toolName, String argumentsJson, long in, long out) {
        return new LlmResponse(List.of(new ContentPart.ToolCall(callId, toolName, argumentsJson)),
                LlmResponse.StopReason.TOOL_USE, new TokenUsage(in, out), "scripted-model");
    }
}
