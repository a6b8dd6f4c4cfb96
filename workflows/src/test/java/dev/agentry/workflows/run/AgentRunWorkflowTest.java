package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import dev.agentry.workflows.llm.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.agentry.workflows.run.RunBench.CLOCK;
import static dev.agentry.workflows.run.RunBench.scheduledRun;
import static org.assertj.core.api.Assertions.assertThat;

class AgentRunWorkflowTest {

    private static final String NOON = "{\"iso\":\"2026-05-04T12:00:00+02:00[Europe/Berlin]\"}";

    @Test
    void aToolCallIsRunAndItsResultSentBackBeforeTheFinalAnswer() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{\"timezone\":\"Europe/Berlin\"}", 100, 20)
                    .answer("It is noon in Berlin.", 150, 10);

            RunOutcome outcome = bench.run(scheduledRun("run-tool"));

            assertThat(outcome.succeeded()).isTrue();
            assertThat(bench.tools.invocations()).singleElement().satisfies(invocation -> {
                assertThat(invocation.argumentsJson()).isEqualTo("{\"timezone\":\"Europe/Berlin\"}");
                assertThat(invocation.context()).isEqualTo(new ToolContext("agent-1", "run-tool", "owner-1", "call-1"));
            });
            List<LlmRequest> requests = bench.model.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).tools()).containsExactly(CLOCK);
            assertThat(requests.get(0).systemPrompt()).isEqualTo("Report the time.");
            ConversationMessage toolResults = requests.get(1).messages().get(2);
            assertThat(toolResults.role()).isEqualTo(ConversationMessage.Role.USER);
            assertThat(toolResults.content()).containsExactly(new ContentPart.ToolResult("call-1", NOON, false));
            bench.recordHistory("run-tool", "tool-call-then-answer");
        }
    }

    @Test
    void aSuccessfulRunIsRecordedWithItsAnswerAndTheTokensOfEveryCall() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{}", 100, 20).answer("It is noon.", 150, 10);

            bench.run(scheduledRun("run-tokens"));

            RunResult result = bench.onlyOutcome();
            assertThat(result.succeeded()).isTrue();
            assertThat(result.summary()).isEqualTo("It is noon.");
            assertThat(result.usage()).isEqualTo(new TokenUsage(250, 30));
            assertThat(result.model()).isEqualTo("test-model");
            assertThat(result.request()).isEqualTo(scheduledRun("run-tokens"));
            // reading the agent and reporting the run run inside the workflow's tasks (local activities)
            assertThat(bench.scheduledActivityTypes("run-tokens"))
                    .containsExactly("LlmComplete", "ToolInvoke", "LlmComplete");
            assertThat(result.startedAt()).isNotNull();
            assertThat(result.finishedAt()).isAfterOrEqualTo(result.startedAt());
        }
    }

    @Test
    void theTranscriptHoldsTheWholeConversationAndTheOutcomeRefersToIt() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{}", 100, 20).answer("It is noon.", 150, 10);

            bench.run(scheduledRun("run-transcript"));

            RunTranscript transcript = bench.runs.transcript(bench.onlyOutcome().transcriptRef());
            assertThat(transcript.runId()).isEqualTo("run-transcript");
            assertThat(transcript.systemPrompt()).isEqualTo("Report the time.");
            assertThat(transcript.finalAnswer()).isEqualTo("It is noon.");
            assertThat(transcript.messages()).extracting(ConversationMessage::role).containsExactly(
                    ConversationMessage.Role.USER, ConversationMessage.Role.ASSISTANT,
                    ConversationMessage.Role.USER, ConversationMessage.Role.ASSISTANT);
            assertThat(transcript.messages().get(2).content())
                    .containsExactly(new ContentPart.ToolResult("call-1", NOON, false));
        }
    }

    @Test
    void aModelThatKeepsCallingToolsFailsAtTheStepLimit() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.keepCallingTool("current_time");

            RunOutcome outcome = bench.run(scheduledRun("run-endless"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).hasSize(AgentLoop.MAX_LLM_CALLS);
            assertThat(bench.tools.invocations()).hasSize(AgentLoop.MAX_LLM_CALLS - 1);
            RunResult result = bench.onlyOutcome();
            assertThat(result.errorKind()).isEqualTo("STEP_LIMIT");
            assertThat(result.usage()).isEqualTo(new TokenUsage(AgentLoop.MAX_LLM_CALLS, AgentLoop.MAX_LLM_CALLS));
            assertThat(bench.runs.transcript(result.transcriptRef()).errorKind()).isEqualTo("STEP_LIMIT");
            bench.recordHistory("run-endless", "step-limit");
        }
    }

    @Test
    void anUnknownToolIsAnsweredWithAnErrorTheModelReads() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.model.callTool("call-1", "launch_rockets", "{}", 10, 5).answer("I cannot do that.", 20, 5);

            RunOutcome outcome = bench.run(scheduledRun("run-unknown-tool"));

            assertThat(outcome.succeeded()).isTrue();
            assertThat(bench.tools.invocations()).isEmpty();
            ContentPart fedBack = bench.model.requests().get(1).messages().get(2).content().get(0);
            assertThat(fedBack).isInstanceOfSatisfying(ContentPart.ToolResult.class, result -> {
                assertThat(result.isError()).isTrue();
                assertThat(result.callId()).isEqualTo("call-1");
                assertThat(result.content()).contains("launch_rockets").contains("current_time");
            });
            bench.recordHistory("run-unknown-tool", "unknown-tool");
        }
    }

    @Test
    void aToolTheAgentDoesNotAllowIsNeverInvoked() {
        try (RunBench bench = RunBench.withTools()) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{}", 10, 5).answer("No clock for me.", 20, 5);

            bench.run(scheduledRun("run-disallowed"));

            assertThat(bench.tools.invocations()).isEmpty();
            assertThat(bench.model.requests().get(0).tools()).isEmpty();
            ContentPart.ToolResult fedBack = (ContentPart.ToolResult) bench.model.requests().get(1).messages().get(2)
                    .content().get(0);
            assertThat(fedBack.isError()).isTrue();
            assertThat(fedBack.content()).contains("not available");
        }
    }

    @Test
    void aToolThatKeepsFailingIsReportedToTheModelNotToTheRun() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.tools.with("current_time", arguments -> {
                throw new IllegalStateException("clock unreachable");
            });
            bench.model.callTool("call-1", "current_time", "{}", 10, 5).answer("The clock is down.", 20, 5);

            RunOutcome outcome = bench.run(scheduledRun("run-tool-fails"));

            assertThat(outcome.succeeded()).isTrue();
            assertThat(bench.tools.invocations()).hasSize(3);
            ContentPart.ToolResult fedBack = (ContentPart.ToolResult) bench.model.requests().get(1).messages().get(2)
                    .content().get(0);
            assertThat(fedBack.isError()).isTrue();
            assertThat(fedBack.content()).contains("clock unreachable");
        }
    }

    @Test
    void aRejectedRequestFailsTheRunWithItsKindAfterOneAttempt() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            bench.model.fail(LlmFailureKind.INVALID_REQUEST, null);

            RunOutcome outcome = bench.run(scheduledRun("run-rejected"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).hasSize(1);
            RunResult result = bench.onlyOutcome();
            assertThat(result.errorKind()).isEqualTo("INVALID_REQUEST");
            assertThat(result.errorMessage()).isEqualTo("scripted INVALID_REQUEST");
            assertThat(result.model()).isEqualTo("test-model");
            bench.recordHistory("run-rejected", "invalid-request");
        }
    }

    @Test
    void aRateLimitedCallIsRetriedNoSoonerThanTheServerAsked() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            // longer than the retry policy's own first interval, so only the server's delay explains the wait
            bench.model.fail(LlmFailureKind.RATE_LIMITED, Duration.ofSeconds(30)).answer("Done.", 10, 5);

            RunOutcome outcome = bench.run(scheduledRun("run-rate-limited"));

            assertThat(outcome.succeeded()).isTrue();
            List<ScriptedGateway.Call> calls = bench.model.calls();
            assertThat(calls).hasSize(2);
            assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            bench.recordHistory("run-rate-limited", "rate-limited-then-answer");
        }
    }

    @Test
    void aFailureThatOutlastsTheRetriesIsRecordedWithItsKind() {
        try (RunBench bench = RunBench.withTools(CLOCK)) {
            for (int attempt = 0; attempt < 6; attempt++) {
                bench.model.fail(LlmFailureKind.OVERLOADED, null);
            }

            RunOutcome outcome = bench.run(scheduledRun("run-overloaded"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).hasSize(5);
            assertThat(bench.onlyOutcome().errorKind()).isEqualTo("OVERLOADED");
            bench.recordHistory("run-overloaded", "overloaded-until-retries-run-out");
        }
    }

    @Test
    void aRunOfAnAgentThatNoLongerExistsEndsWithoutARecord() {
        try (RunBench bench = RunBench.preparedAs(PreparedRun.agentNotFound())) {
            RunOutcome outcome = bench.run(scheduledRun("run-deleted-agent"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).isEmpty();
            assertThat(bench.runs.outcomes()).isEmpty();
            bench.recordHistory("run-deleted-agent", "agent-not-found");
        }
    }

    @Test
    void withoutAProviderForTheTierTheRunFailsAsProviderUnavailable() {
        try (RunBench bench = RunBench.preparedAs(PreparedRun.noModel("owner-1", "no provider serves tier deep"))) {
            bench.run(scheduledRun("run-no-model"));

            assertThat(bench.model.calls()).isEmpty();
            RunResult result = bench.onlyOutcome();
            assertThat(result.errorKind()).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(result.errorMessage()).isEqualTo("no provider serves tier deep");
            assertThat(result.model()).isNull();
            bench.recordHistory("run-no-model", "no-model");
        }
    }

    @Test
    void aDeepModelIsAskedToThink() {
        RunModel deep = new RunModel("deep-model", "scripted", "deep-v1", true);
        try (RunBench bench = RunBench.preparedAs(PreparedRun.ready("owner-1", "Think.", List.of(), deep))) {
            bench.model.answer("Thought it through.", 10, 5);

            bench.run(scheduledRun("run-deep"));

            LlmRequest request = bench.model.requests().get(0);
            assertThat(request.modelId()).isEqualTo("deep-v1");
            assertThat(request.thinking().enabled()).isTrue();
            assertThat(request.thinking().asReasoningEffort()).isEqualTo(ThinkingMode.ReasoningEffort.HIGH);
        }
    }

    private static final RunModel SECOND_OF_PROVIDER = new RunModel("second-model", "scripted", "second-v1", false);
    private static final RunModel OTHER_PROVIDER = new RunModel("other-model", "other", "other-v1", false);

    @Test
    void aFailingProviderHandsTheCallToTheNextProvidersModelAndTheRestOfTheRunStaysThere() {
        PreparedRun prepared = PreparedRun.ready("owner-1", "Report the time.", List.of(CLOCK), RunBench.MODEL,
                List.of(SECOND_OF_PROVIDER, OTHER_PROVIDER));
        try (RunBench bench = RunBench.preparedAs(prepared)) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.fail(LlmFailureKind.OVERLOADED, null).fail(LlmFailureKind.OVERLOADED, null)
                    .callTool("call-1", "current_time", "{}", 100, 20)
                    .answer("It is noon.", 150, 10);

            RunOutcome outcome = bench.run(scheduledRun("run-fallback"));

            assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
            // tried once more, then the provider's other model is passed over with it
            assertThat(bench.model.calls()).extracting(ScriptedGateway.Call::provider)
                    .containsExactly("scripted", "scripted", "other", "other");
            assertThat(bench.model.requests()).extracting(LlmRequest::modelId)
                    .containsExactly("scripted-model-v1", "scripted-model-v1", "other-v1", "other-v1");
            RunResult result = bench.onlyOutcome();
            assertThat(result.model()).isEqualTo("other-model");
            assertThat(bench.runs.transcript(result.transcriptRef()).attempts()).containsExactly(
                    new ModelAttempt(1, "test-model", "scripted", "OVERLOADED", "scripted OVERLOADED"),
                    new ModelAttempt(1, "other-model", "other", null, null),
                    new ModelAttempt(2, "other-model", "other", null, null));
            assertThat(bench.runs.modelsNotFound()).isEmpty();
            bench.recordHistory("run-fallback", "provider-fails-then-the-next-providers-model-answers");
        }
    }

    @Test
    void aModelItsProviderNoLongerKnowsIsReportedOnceAndTheNextModelOfTheTierAnswers() {
        PreparedRun prepared = PreparedRun.ready("owner-1", "Report the time.", List.of(), RunBench.MODEL,
                List.of(SECOND_OF_PROVIDER, OTHER_PROVIDER));
        try (RunBench bench = RunBench.preparedAs(prepared)) {
            bench.model.fail(LlmFailureKind.MODEL_NOT_FOUND, null).answer("Done.", 10, 5);

            bench.run(scheduledRun("run-model-not-found"));

            assertThat(bench.model.requests()).extracting(LlmRequest::modelId)
                    .containsExactly("scripted-model-v1", "second-v1");
            assertThat(bench.runs.modelsNotFound()).containsExactly("test-model (scripted): scripted MODEL_NOT_FOUND");
            assertThat(bench.onlyOutcome().model()).isEqualTo("second-model");
            bench.recordHistory("run-model-not-found", "model-not-found-then-the-next-model-answers");
        }
    }

    @Test
    void aRejectedRequestDoesNotMoveToAnotherModel() {
        PreparedRun prepared = PreparedRun.ready("owner-1", "Report the time.", List.of(), RunBench.MODEL,
                List.of(OTHER_PROVIDER));
        try (RunBench bench = RunBench.preparedAs(prepared)) {
            bench.model.fail(LlmFailureKind.INVALID_REQUEST, null).answer("never asked", 1, 1);

            RunOutcome outcome = bench.run(scheduledRun("run-invalid-with-fallback"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).extracting(ScriptedGateway.Call::provider).containsExactly("scripted");
            assertThat(bench.onlyOutcome().errorKind()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void withoutFallbacksAFailureThatWouldMoveOnEndsTheRunWithItsKind() {
        try (RunBench bench = RunBench.withTools()) {
            bench.model.fail(LlmFailureKind.AUTHENTICATION, null).answer("never asked", 1, 1);

            RunOutcome outcome = bench.run(scheduledRun("run-authentication"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).hasSize(1);
            RunResult result = bench.onlyOutcome();
            assertThat(result.errorKind()).isEqualTo("AUTHENTICATION");
            assertThat(result.model()).isEqualTo("test-model");
            assertThat(bench.runs.transcript(result.transcriptRef()).attempts()).containsExactly(
                    new ModelAttempt(1, "test-model", "scripted", "AUTHENTICATION", "scripted AUTHENTICATION"));
        }
    }
}
