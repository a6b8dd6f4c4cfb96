package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.AgentSettingsChange.Field;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ToolArguments;
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

    private static final Set<String> DECLARED = Set.of("agent_id", "name", "instructions", "tier", "model", "schedule",
            "tools", "overlap", "catch_up", "max_consecutive_failures");

    @Test
    void aNewAgentGetsTheDocumentedDefaults() {
        AgentSettings settings = parseNew(Map.of("name", "digest", "instructions", "Summarise the night."));

        assertThat(settings).isEqualTo(new AgentSettings("digest", "Summarise the night.", ReasoningTier.STANDARD, null,
                null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null));
    }

    @Test
    void everySettingIsReadFromItsSnakeCaseLowerCaseWireForm() {
        AgentSettings settings = parseNew(Map.of("name", "digest", "instructions", "Summarise.", "tier", "deep",
                "model", "claude-sonnet", "schedule", Map.of("cron", " 0 9 * * 1-5 ", "timezone", "Europe/Berlin"),
                "tools", List.of("slack_send_message"), "overlap", "buffer_one", "catch_up", "run_once",
                "max_consecutive_failures", 3));

        assertThat(settings).isEqualTo(new AgentSettings("digest", "Summarise.", ReasoningTier.DEEP, "claude-sonnet",
                new Schedule("0 9 * * 1-5", "Europe/Berlin"), List.of("slack_send_message"), OverlapPolicy.BUFFER_ONE,
                CatchUpPolicy.RUN_ONCE, 3));
    }

    @Test
    void aScheduleWithoutTimezoneRunsInUtc() {
        assertThat(parseNew(withNameAndInstructions("schedule", Map.of("cron", "*/5 * * * *"))).schedule())
                .isEqualTo(new Schedule("*/5 * * * *", "UTC"));
    }

    @Test
    void anUnknownTierIsRefusedListingTheTiers() {
        assertInvalid(withNameAndInstructions("tier", "mega"), "tier 'mega' is not one of basic, standard, advanced, deep");
    }

    @Test
    void aTimezoneOutsideTheIanaDatabaseIsRefused() {
        assertInvalid(withNameAndInstructions("schedule", Map.of("cron", "0 9 * * *", "timezone", "Mars/Olympus")),
                "timezone 'Mars/Olympus' is not an IANA timezone");
        assertInvalid(withNameAndInstructions("schedule", Map.of("cron", "0 9 * * *", "timezone", "+02:00")),
                "timezone '+02:00' is not an IANA timezone");
    }

    @Test
    void aCronExpressionNeedsExactlyFiveValidFields() {
        assertInvalid(withNameAndInstructions("schedule", Map.of("cron", "0 0 9 * * *")),
                "cron '0 0 9 * * *' has 6 fields; expected 5: minute hour day-of-month month day-of-week");
        assertThatInvalid(withNameAndInstructions("schedule", Map.of("cron", "61 9 * * *")))
                .isEqualTo("invalid_argument: cron '61 9 * * *' is not a valid 5-field cron expression: Value 61 not in range [0, 59]");
        assertThatInvalid(withNameAndInstructions("schedule", Map.of("cron", "every day at nine am")))
                .startsWith("invalid_argument: cron 'every day at nine am' is not a valid 5-field cron expression");
        assertInvalid(withNameAndInstructions("schedule", Map.of("timezone", "UTC")), "schedule.cron is required");
    }

    @Test
    void nameAndInstructionsAreRequiredAndBounded() {
        assertInvalid(Map.of("instructions", "x"), "name is required");
        assertInvalid(Map.of("name", "x"), "instructions is required");
        assertInvalid(Map.of("name", "x".repeat(101), "instructions", "x"), "name must be at most 100 characters (got 101)");
        assertInvalid(Map.of("name", "x", "instructions", "x".repeat(20_001)),
                "instructions must be at most 20000 characters (got 20001)");
        assertInvalid(Map.of("name", " ", "instructions", "x"), "name must not be blank");
    }

    @Test
    void policiesAndLimitsOutsideTheirRangesAreRefused() {
        assertInvalid(withNameAndInstructions("overlap", "queue"), "overlap 'queue' is not one of skip, buffer_one");
        assertInvalid(withNameAndInstructions("catch_up", "all"), "catch_up 'all' is not one of skip, run_once");
        assertInvalid(withNameAndInstructions("max_consecutive_failures", 0),
                "max_consecutive_failures must be between 1 and 1000 (got 0)");
        assertInvalid(withNameAndInstructions("max_consecutive_failures", "3"), "max_consecutive_failures must be an integer");
        assertInvalid(withNameAndInstructions("tools", List.of("web", "web")), "tools names 'web' twice");
        assertInvalid(withNameAndInstructions("model", "m".repeat(201)), "model must be at most 200 characters (got 201)");
    }

    @Test
    void aChangeHoldsOnlyTheGivenSettings() {
        AgentSettingsChange change = parseChange(Map.of("agent_id", "a-1", "tier", "advanced", "tools", List.of()));

        assertThat(change).isEqualTo(new AgentSettingsChange(null, null, ReasoningTier.ADVANCED, null, null, List.of(),
                null, null, null, Set.of()));
    }

    @Test
    void nullInAChangeClearsModelScheduleAndFailureLimit() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("agent_id", "a-1");
        raw.put("model", null);
        raw.put("schedule", null);
        raw.put("max_consecutive_failures", null);

        AgentSettingsChange change = parseChange(raw);

        assertThat(change.cleared()).containsExactlyInAnyOrder(Field.MODEL, Field.SCHEDULE, Field.MAX_CONSECUTIVE_FAILURES);
        AgentSettings before = new AgentSettings("n", "i", ReasoningTier.BASIC, "m", new Schedule("0 9 * * *", "UTC"),
                List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 5);
        assertThat(change.applyTo(before)).isEqualTo(new AgentSettings("n", "i", ReasoningTier.BASIC, null, null,
                List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null));
    }

    @Test
    void nullCannotClearARequiredSetting() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("agent_id", "a-1");
        raw.put("tier", null);

        assertThatThrownBy(() -> parseChange(raw)).isInstanceOfSatisfying(ToolFailure.class,
                failure -> assertThat(failure.resultText()).isEqualTo(
                        "invalid_argument: tier must be one of basic, standard, advanced, deep"));
    }

    private static AgentSettings parseNew(Map<String, Object> raw) {
        return AgentSettingsArguments.parseNew(ToolArguments.of(raw, DECLARED));
    }

    private static AgentSettingsChange parseChange(Map<String, Object> raw) {
        return AgentSettingsArguments.parseChange(ToolArguments.of(raw, DECLARED));
    }

    private static Map<String, Object> withNameAndInstructions(String name, Object value) {
        return Map.of("name", "digest", "instructions", "Summarise.", name, value);
    }

    private static void assertInvalid(Map<String, Object> raw, String message) {
        assertThatInvalid(raw).isEqualTo("invalid_argument: " + message);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertThatInvalid(Map<String, Object> raw) {
        try {
            parseNew(raw);
        } catch (ToolFailure failure) {
            assertThat(failure.code()).isEqualTo(ToolErrorCode.INVALID_ARGUMENT);
            return assertThat(failure.resultText());
        }
        throw new AssertionError("accepted " + raw);
    }
}
