package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.agentry.workflows.run.RunBench.CLOCK;
import static dev.agentry.workflows.run.RunBench.MODEL;
import static dev.agentry.workflows.run.RunBench.scheduledRun;
import static org.assertj.core.api.Assertions.assertThat;

class TokenBudgetRunTest {

    private static final String NOON = "{\"iso\":\"2026-05-04T12:00:00Z\"}";

    private static PreparedRun withRunBudget(long maxTokens) {
        return PreparedRun.ready("owner-1", "Report the time.", List.of(CLOCK), MODEL).withTokenBudget(maxTokens);
    }

    @Test
    void aRunStopsBeforeTheModelCallThatWouldPassItsBudgetAndFailsAsBudgetExceeded() {
        // 210 used; the second call would read at least the 150 the first read: 360 > 300
        try (RunBench bench = RunBench.preparedAs(withRunBudget(300))) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{}", 150, 60).answer("It is noon.", 220, 10);

            RunOutcome outcome = bench.run(scheduledRun("run-over-budget"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(bench.model.calls()).hasSize(1);
            assertThat(bench.tools.invocations()).hasSize(1);
            RunResult result = bench.onlyOutcome();
            assertThat(result.errorKind()).isEqualTo("BUDGET_EXCEEDED");
            assertThat(result.errorMessage()).contains("210 tokens").contains("150 more").contains("budget of 300");
            assertThat(result.usage()).isEqualTo(new TokenUsage(150, 60));
            assertThat(result.model()).isEqualTo("test-model");
            RunTranscript transcript = bench.runs.transcript(result.transcriptRef());
            assertThat(transcript.errorKind()).isEqualTo("BUDGET_EXCEEDED");
            assertThat(transcript.usage()).isEqualTo(new TokenUsage(150, 60));
            assertThat(transcript.messages()).extracting(ConversationMessage::role).containsExactly(
                    ConversationMessage.Role.USER, ConversationMessage.Role.ASSISTANT, ConversationMessage.Role.USER);
            assertThat(transcript.messages().get(2).content())
                    .containsExactly(new ContentPart.ToolResult("call-1", NOON, false));
            bench.recordHistory("run-over-budget", "run-budget-exceeded");
        }
    }

    @Test
    void aRunWhoseNextCallStillFitsItsBudgetMakesIt() {
        try (RunBench bench = RunBench.preparedAs(withRunBudget(360))) {
            bench.tools.with("current_time", arguments -> ToolOutcome.success(NOON));
            bench.model.callTool("call-1", "current_time", "{}", 150, 60).answer("It is noon.", 220, 10);

            RunOutcome outcome = bench.run(scheduledRun("run-within-budget"));

            assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
            assertThat(bench.model.calls()).hasSize(2);
            assertThat(bench.onlyOutcome().usage()).isEqualTo(new TokenUsage(370, 70));
        }
    }

    @Test
    void aRunPreparedOnceTheDaysBudgetIsSpentIsRecordedAsSkippedForBudgetWithoutAModelCall() {
        try (RunBench bench = RunBench.preparedAs(PreparedRun.dayBudgetSpent("owner-1",
                "the agent's runs of 2026-05-04 used 1200 of its 1000 tokens per day"))) {

            RunOutcome outcome = bench.run(scheduledRun("run-day-spent"));

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.summary()).contains("1200 of its 1000");
            assertThat(bench.model.calls()).isEmpty();
            assertThat(bench.runs.outcomes()).isEmpty();
            assertThat(bench.runs.skipReasons()).containsExactly(java.util.Map.entry("run-day-spent", "BUDGET"));
            bench.recordHistory("run-day-spent", "day-budget-spent");
        }
    }
}
