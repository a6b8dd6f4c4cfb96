package dev.agentry.infra.mcp;

import dev.agentry.command.api.ReasoningTier;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgumentsTest {

    private static final Set<String> DECLARED = Set.of("name", "tier", "limit", "tools", "schedule", "model");

    @Test
    void anArgumentTheSchemaDoesNotDeclareIsRefusedByName() {
        assertInvalid(() -> ToolArguments.of(Map.of("name", "x", "colour", "red"), DECLARED),
                "unknown argument 'colour' (allowed: limit, model, name, schedule, tier, tools)");
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        assertInvalid(() -> arguments(Map.of()).requiredText("name", 100), "name is required");
    }

    @Test
    void aNonStringWhereTextIsExpectedIsRefused() {
        assertInvalid(() -> arguments(Map.of("name", 42)).requiredText("name", 100), "name must be a string");
        assertInvalid(() -> arguments(nullValued("name")).requiredText("name", 100), "name must be a string");
    }

    @Test
    void emptyOrBlankTextIsRefused() {
        assertInvalid(() -> arguments(Map.of("name", "")).requiredText("name", 100), "name must not be empty");
        assertInvalid(() -> arguments(Map.of("name", "  \t")).requiredText("name", 100), "name must not be blank");
    }

    @Test
    void textLongerThanTheLimitIsRefusedCountingCharactersNotUtf16Units() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        assertThat(arguments(Map.of("name", hundredEmoji)).requiredText("name", 100)).isEqualTo(hundredEmoji);
        assertInvalid(() -> arguments(Map.of("name", "x".repeat(101))).requiredText("name", 100),
                "name must be at most 100 characters (got 101)");
    }

    @Test
    void aValueOutsideAnEnumIsRefusedListingTheChoices() {
        Map<String, ReasoningTier> tiers = ToolArguments.lowerCaseChoices(ReasoningTier.class);

        assertInvalid(() -> arguments(Map.of("tier", "mega")).optionalChoice("tier", tiers),
                "tier 'mega' is not one of basic, standard, advanced, deep");
        assertInvalid(() -> arguments(Map.of("tier", "STANDARD")).optionalChoice("tier", tiers),
                "tier 'STANDARD' is not one of basic, standard, advanced, deep");
        assertInvalid(() -> arguments(Map.of("tier", 3)).optionalChoice("tier", tiers),
                "tier must be one of basic, standard, advanced, deep");
        assertThat(arguments(Map.of()).choice("tier", tiers, ReasoningTier.STANDARD)).isEqualTo(ReasoningTier.STANDARD);
        assertThat(arguments(Map.of("tier", "deep")).choice("tier", tiers, ReasoningTier.STANDARD)).isEqualTo(ReasoningTier.DEEP);
    }

    @Test
    void integersMustBeWholeAndWithinRange() {
        assertThat(arguments(Map.of("limit", 5)).optionalInteger("limit", 1, 1000)).contains(5);
        assertThat(arguments(Map.of("limit", 5.0)).optionalInteger("limit", 1, 1000)).contains(5);
        assertInvalid(() -> arguments(Map.of("limit", 5.5)).optionalInteger("limit", 1, 1000), "limit must be an integer");
        assertInvalid(() -> arguments(Map.of("limit", "5")).optionalInteger("limit", 1, 1000), "limit must be an integer");
        assertInvalid(() -> arguments(Map.of("limit", true)).optionalInteger("limit", 1, 1000), "limit must be an integer");
        assertInvalid(() -> arguments(Map.of("limit", 0)).optionalInteger("limit", 1, 1000),
                "limit must be between 1 and 1000 (got 0)");
        assertInvalid(() -> arguments(Map.of("limit", 10_000_000_000L)).optionalInteger("limit", 1, 1000),
                "limit must be between 1 and 1000 (got 10000000000)");
    }

    @Test
    void listsMustHoldDistinctNonBlankStringsOfBoundedLength() {
        assertThat(arguments(Map.of("tools", List.of("slack_send_message", "web"))).optionalTextList("tools", 3, 20))
                .contains(List.of("slack_send_message", "web"));
        assertInvalid(() -> arguments(Map.of("tools", "web")).optionalTextList("tools", 3, 20),
                "tools must be a list of strings");
        assertInvalid(() -> arguments(Map.of("tools", List.of("web", 1))).optionalTextList("tools", 3, 20),
                "tools must be a list of strings");
        assertInvalid(() -> arguments(Map.of("tools", List.of(" "))).optionalTextList("tools", 3, 20),
                "tools must not hold an empty or blank entry");
        assertInvalid(() -> arguments(Map.of("tools", List.of("x".repeat(21)))).optionalTextList("tools", 3, 20),
                "tools entry '" + "x".repeat(21) + "' is longer than 20 characters");
        assertInvalid(() -> arguments(Map.of("tools", List.of("web", "web"))).optionalTextList("tools", 3, 20),
                "tools names 'web' twice");
        assertInvalid(() -> arguments(Map.of("tools", List.of("a", "b", "c", "d"))).optionalTextList("tools", 3, 20),
                "tools must have at most 3 entries (got 4)");
    }

    @Test
    void aNestedObjectIsReadWithItsPathInEveryMessage() {
        Map<String, Object> raw = Map.of("schedule", Map.of("cron", 5));

        ToolArguments schedule = arguments(raw).nullableObject("schedule", Set.of("cron", "timezone")).orElseThrow();

        assertInvalid(() -> schedule.requiredText("cron", 100), "schedule.cron must be a string");
        assertInvalid(() -> arguments(Map.of("schedule", Map.of("cron", "* * * * *", "every", "day")))
                        .nullableObject("schedule", Set.of("cron", "timezone")),
                "unknown argument 'schedule.every' (allowed: cron, timezone)");
        assertInvalid(() -> arguments(Map.of("schedule", "daily")).nullableObject("schedule", Set.of("cron")),
                "schedule must be an object");
    }

    @Test
    void anExplicitNullDiffersFromAnAbsentArgument() {
        ToolArguments withNull = arguments(nullValued("model"));
        ToolArguments without = arguments(Map.of());

        assertThat(withNull.isExplicitNull("model")).isTrue();
        assertThat(without.isExplicitNull("model")).isFalse();
        assertThat(withNull.nullableText("model", 100)).isEmpty();
        assertThat(withNull.names()).containsExactly("model");
        assertInvalid(() -> withNull.optionalText("model", 100), "model must be a string");
    }

    private static ToolArguments arguments(Map<String, Object> raw) {
        return ToolArguments.of(raw, DECLARED);
    }

    private static Map<String, Object> nullValued(String name) {
        Map<String, Object> raw = new HashMap<>();
        raw.put(name, null);
        return raw;
    }

    static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ToolFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ToolErrorCode.INVALID_ARGUMENT);
                    assertThat(failure.resultText()).isEqualTo("invalid_argument: " + message);
                });
    }
}
