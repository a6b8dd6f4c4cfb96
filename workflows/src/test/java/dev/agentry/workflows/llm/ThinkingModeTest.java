package dev.agentry.workflows.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.workflows.llm.ThinkingMode.ReasoningEffort;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkingModeTest {

    @Test
    void noThinkingHasNeitherBudgetNorEffort() {
        assertThat(ThinkingMode.none().asBudgetTokens()).isZero();
        assertThat(ThinkingMode.none().asReasoningEffort()).isNull();
        assertThat(ThinkingMode.none().enabled()).isFalse();
    }

    @Test
    void anExtendedBudgetKeepsItsTokensAndGrowsIntoHigherEfforts() {
        assertThat(ThinkingMode.extended(5000).asBudgetTokens()).isEqualTo(5000);
        assertThat(ThinkingMode.extended(1024).asReasoningEffort()).isEqualTo(ReasoningEffort.LOW);
        assertThat(ThinkingMode.extended(8192).asReasoningEffort()).isEqualTo(ReasoningEffort.MEDIUM);
        assertThat(ThinkingMode.extended(32000).asReasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
    }

    @Test
    void anEffortKeepsItselfAndStandsForAGrowingBudget() {
        ThinkingMode low = ThinkingMode.reasoningEffort(ReasoningEffort.LOW);
        ThinkingMode high = ThinkingMode.reasoningEffort(ReasoningEffort.HIGH);

        assertThat(high.asReasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
        assertThat(low.asBudgetTokens()).isPositive().isLessThan(high.asBudgetTokens());
        assertThat(ThinkingMode.extended(high.asBudgetTokens()).asReasoningEffort())
                .isEqualTo(ReasoningEffort.HIGH);
        assertThat(ThinkingMode.extended(low.asBudgetTokens()).asReasoningEffort())
                .isEqualTo(ReasoningEffort.LOW);
    }

    @Test
    void aRequestKeepsRoomForTheAnswerBesideTheThinking() {
        List<ConversationMessage> hello = List.of(ConversationMessage.user("Hello"));
        ThinkingMode high = ThinkingMode.reasoningEffort(ReasoningEffort.HIGH);

        assertThat(new LlmRequest("m", "", hello, List.of(), 4000, high).thinkingBudgetTokens()).isEqualTo(2000);
        assertThat(new LlmRequest("m", "", hello, List.of(), 64_000, high).thinkingBudgetTokens())
                .isEqualTo(high.asBudgetTokens());
        assertThat(new LlmRequest("m", "", hello, List.of(), 4000, ThinkingMode.extended(3000)).thinkingBudgetTokens())
                .isEqualTo(3000);
        assertThatThrownBy(() -> new LlmRequest("m", "", hello, List.of(), 2048, ThinkingMode.extended(2048)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extendedThinkingWithoutABudgetIsRejected() {
        assertThatThrownBy(() -> ThinkingMode.extended(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
