package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.AgentSettingsChange.Field;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.AgentSettingsLimits;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.ToolErrorCode;
import dev.agentry.infra.mcp.ToolFailure;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentSettingsArgumentsTest {

    @Test
    void aNewAgentGetsTheDocumentedDefaults() {
        AgentSettings settings = parseNew(Map.of("name", "digest", "instructions", "Summarise the night."));

        assertThat(settings).isEqualTo(new AgentSettings("digest", "Summarise the night.", ReasoningTier.STANDARD, null,
                null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null));
    }

    @Test
    void everySettingIsReadFromItsSnakeCaseLowerCaseWireForm() {
        AgentSettings settings = parseNew(Map.ofEntries(Map.entry("name", "digest"),
                Map.entry("instructions", "Summarise."), Map.entry("tier", "deep"), Map.entry("model", "claude-sonnet"),
                Map.entry("schedule", Map.of("cron", " 0 9 * * 1-5 ", "timezone", "Europe/Berlin")),
                Map.entry("tools", List.of("slack_send_message")), Map.entry("overlap", "buffer_one"),
                Map.entry("catch_up", "run_once"), Map.entry("max_consecutive_failures", 3),
                Map.entry("notify", "none"), Map.entry("max_tokens_per_run", 20_000),
                Map.entry("max_tokens_per_day", 500_000)));

        assertThat(settings).isEqualTo(new AgentSettings("digest", "Summarise.", ReasoningTier.DEEP, "claude-sonnet",
                new Schedule("0 9 * * 1-5", "Europe/Berlin"), List.of("slack_send_message"), OverlapPolicy.BUFFER_ONE,
                CatchUpPolicy.RUN_ONCE, 3, NotifyPolicy.NONE, 20_000L, 500_000L));
    }

    @Test
    void aScheduleWithoutTimezoneRunsInUtc() {
        assertThat(parseNew(withNameAndInstructions("schedule", Map.of("cron", "*/5 * * * *"))).schedule())
                .isEqualTo(new Schedule("*/5 * * * *", "UTC"));
    }

    @Test
    void anUnknownTierIsRefusedListingTheTiers() {
        assertInvalidNaming(withNameAndInstructions("tier", "mega"), "tier");
        assertInvalidNaming(withNameAndInstructions("tier", "mega"), "\"basic\", \"standard\", \"advanced\", \"deep\"");
    }

    @Test
    void whatTheAgentsRulesJudgeIsLeftToThemWithTheShapeChecked() {
        // an unknown timezone or a cron that never fires is the aggregate's to refuse, in the same words for every caller
        assertThat(parseNew(withNameAndInstructions("schedule", Map.of("cron", "0 0 31 2 *", "timezone", "Mars/Olympus")))
                .schedule()).isEqualTo(new Schedule("0 0 31 2 *", "Mars/Olympus"));
    }

    @Test
    void nameAndInstructionsAreRequiredAndBoundedByThePublishedLimits() {
        assertInvalidNaming(Map.of("instructions", "x"), "name");
        assertInvalidNaming(Map.of("name", "x"), "instructions");
        assertInvalidNaming(Map.of("name", "x".repeat(AgentSettingsLimits.NAME_MAX_LENGTH + 1), "instructions", "x"), "name");
        assertThat(parseNew(Map.of("name", "x".repeat(AgentSettingsLimits.NAME_MAX_LENGTH), "instructions", "x")).name())
                .hasSize(AgentSettingsLimits.NAME_MAX_LENGTH);
        assertInvalidNaming(Map.of("name", "x", "instructions", "x".repeat(AgentSettingsLimits.INSTRUCTIONS_MAX_LENGTH + 1)),
                "instructions");
        assertInvalidNaming(Map.of("name", "", "instructions", "x"), "name");
    }

    @Test
    void policiesTiersAndLimitsOutsideTheirRangesAreRefusedNamingTheArgument() {
        assertInvalidNaming(withNameAndInstructions("tier", "mega"), "tier");
        assertInvalidNaming(withNameAndInstructions("overlap", "queue"), "overlap");
        assertInvalidNaming(withNameAndInstructions("catch_up", "all"), "catch_up");
        assertInvalidNaming(withNameAndInstructions("max_consecutive_failures", 0), "max_consecutive_failures");
        assertInvalidNaming(withNameAndInstructions("max_consecutive_failures",
                AgentSettingsLimits.CONSECUTIVE_FAILURES_MAX + 1), "max_consecutive_failures");
        assertInvalidNaming(withNameAndInstructions("max_consecutive_failures", "3"), "max_consecutive_failures");
        assertInvalidNaming(withNameAndInstructions("notify", "always"), "notify");
        assertInvalidNaming(withNameAndInstructions("max_tokens_per_run", AgentSettingsLimits.TOKEN_BUDGET_MIN - 1),
                "max_tokens_per_run");
        assertInvalidNaming(withNameAndInstructions("max_tokens_per_day", AgentSettingsLimits.TOKEN_BUDGET_MAX + 1),
                "max_tokens_per_day");
        assertInvalidNaming(withNameAndInstructions("tools", List.of("web", "web")), "tools");
        assertInvalidNaming(withNameAndInstructions("tools", "web"), "tools");
        assertInvalidNaming(withNameAndInstructions("model", "m".repeat(AgentSettingsLimits.MODEL_MAX_LENGTH + 1)), "model");
        assertInvalidNaming(withNameAndInstructions("schedule", Map.of("timezone", "UTC")), "cron");
        assertInvalidNaming(withNameAndInstructions("schedule", Map.of("cron", "0 9 * * *", "zone", "UTC")), "zone");
        assertInvalidNaming(withNameAndInstructions("colour", "blue"), "colour");
    }

    @Test
    void aChangeHoldsOnlyTheGivenSettings() {
        AgentSettingsChange change = parseChange(Map.of("agent_id", "a-1", "tier", "advanced", "tools", List.of()));
        assertThat(ToolCalls.bound(new UpdateAgentTool(null, null, null), Map.of("agent_id", "a-1", "tier", "advanced")).agentId())
                .isEqualTo("a-1");

        assertThat(change).isEqualTo(new AgentSettingsChange(null, null, ReasoningTier.ADVANCED, null, null, List.of(),
                null, null, null, null, null, null, Set.of()));
    }

    @Test
    void nullInAChangeClearsModelScheduleFailureLimitAndBudgets() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("agent_id", "a-1");
        raw.put("model", null);
        raw.put("schedule", null);
        raw.put("max_consecutive_failures", null);
        raw.put("max_tokens_per_run", null);
        raw.put("max_tokens_per_day", null);

        AgentSettingsChange change = parseChange(raw);

        assertThat(change.cleared()).containsExactlyInAnyOrder(Field.MODEL, Field.SCHEDULE, Field.MAX_CONSECUTIVE_FAILURES,
                Field.MAX_TOKENS_PER_RUN, Field.MAX_TOKENS_PER_DAY);
        AgentSettings before = new AgentSettings("n", "i", ReasoningTier.BASIC, "m", new Schedule("0 9 * * *", "UTC"),
                List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 5).withTokenBudgets(1_000L, 10_000L);
        assertThat(change.applyTo(before)).isEqualTo(new AgentSettings("n", "i", ReasoningTier.BASIC, null, null,
                List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null));
    }

    @Test
    void nullCannotClearARequiredSetting() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("agent_id", "a-1");
        raw.put("tier", null);

        assertThatThrownBy(() -> parseChange(raw)).isInstanceOfSatisfying(ToolFailure.class,
                failure -> assertThat(failure.resultText()).startsWith("invalid_argument: ").contains("tier"));
    }

    private static AgentSettings parseNew(Map<String, Object> raw) {
        return ToolCalls.bound(new CreateAgentTool(null, null, null), raw).settings();
    }

    private static AgentSettingsChange parseChange(Map<String, Object> raw) {
        return ToolCalls.bound(new UpdateAgentTool(null, null, null), raw).change();
    }

    private static Map<String, Object> withNameAndInstructions(String name, Object value) {
        return Map.of("name", "digest", "instructions", "Summarise.", name, value);
    }

    /** Refused before anything is sent, with a message that names the argument. */
    private static void assertInvalidNaming(Map<String, Object> raw, String argument) {
        try {
            parseNew(raw);
        } catch (ToolFailure failure) {
            assertThat(failure.code()).isEqualTo(ToolErrorCode.INVALID_ARGUMENT);
            assertThat(failure.resultText()).startsWith("invalid_argument: ").contains(argument)
                    .doesNotContain("Exception").doesNotContain("dev.agentry");
            return;
        }
        throw new AssertionError("accepted " + raw);
    }
}
