package dev.agentry.command.api;

import dev.agentry.command.api.AgentSettingsChange.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSettingsChangeTest {

    private static final AgentSettings CURRENT = new AgentSettings("Digest", "Summarise #general.",
            ReasoningTier.STANDARD, "claude-sonnet", new Schedule("0 9 * * *", "UTC"), List.of("slack_send_message"),
            OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 3);

    @Test
    void aChangeWithNothingInItKeepsEverything() {
        assertThat(change(null, null, null, null, Set.of()).applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void givenValuesReplaceTheCurrentOnesAndTheRestIsKept() {
        AgentSettings result = new AgentSettingsChange("Weekly", null, ReasoningTier.DEEP, null,
                new Schedule("0 9 * * 1", "Europe/Berlin"), null, OverlapPolicy.BUFFER_ONE, null, 10, null, null, null, null)
                .applyTo(CURRENT);

        assertThat(result).isEqualTo(new AgentSettings("Weekly", "Summarise #general.", ReasoningTier.DEEP,
                "claude-sonnet", new Schedule("0 9 * * 1", "Europe/Berlin"), List.of("slack_send_message"),
                OverlapPolicy.BUFFER_ONE, CatchUpPolicy.SKIP, 10));
    }

    @Test
    void clearingTheModelReturnsTheAgentToItsTier() {
        assertThat(change(null, null, null, null, Set.of(Field.MODEL)).applyTo(CURRENT).model()).isNull();
    }

    @Test
    void clearingTheScheduleLeavesOnlyManualRuns() {
        AgentSettings result = change(null, null, null, null, Set.of(Field.SCHEDULE)).applyTo(CURRENT);

        assertThat(result.schedule()).isNull();
        assertThat(result.model()).isEqualTo("claude-sonnet");
    }

    @Test
    void clearingTheFailureLimitRemovesIt() {
        assertThat(change(null, null, null, null, Set.of(Field.MAX_CONSECUTIVE_FAILURES)).applyTo(CURRENT)
                .maxConsecutiveFailures()).isNull();
    }

    @Test
    void aClearedFieldEndsEmptyEvenIfAValueWasAlsoGiven() {
        AgentSettings result = change("gpt-5", new Schedule("0 * * * *", "UTC"), null, 7,
                Set.of(Field.MODEL, Field.SCHEDULE, Field.MAX_CONSECUTIVE_FAILURES)).applyTo(CURRENT);

        assertThat(result.model()).isNull();
        assertThat(result.schedule()).isNull();
        assertThat(result.maxConsecutiveFailures()).isNull();
    }

    @Test
    void anEmptyToolListRemovesEveryToolWhileNoListKeepsThem() {
        assertThat(change(null, null, List.of(), null, Set.of()).applyTo(CURRENT).tools()).isEmpty();
        assertThat(change(null, null, null, null, Set.of()).applyTo(CURRENT).tools())
                .containsExactly("slack_send_message");
    }

    private static AgentSettingsChange change(String model, Schedule schedule, List<String> tools,
                                              Integer maxConsecutiveFailures, Set<Field> cleared) {
        return new AgentSettingsChange(null, null, null, model, schedule, tools, null, null, maxConsecutiveFailures,
                null, null, null, cleared);
    }
}
