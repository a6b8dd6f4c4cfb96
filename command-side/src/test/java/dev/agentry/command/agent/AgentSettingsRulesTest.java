package dev.agentry.command.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.agentry.command.agent.CreateAgentVerdicts.accepted;
import static dev.agentry.command.agent.CreateAgentVerdicts.rejectedBecause;
import static dev.agentry.command.agent.SettingsBuilder.settings;

/** Each rule on its own: settings valid but for one field. */
class AgentSettingsRulesTest {

    @Test
    void aNameOfOneHundredCharactersIsAccepted() {
        accepted(settings().name("n".repeat(100)));
    }

    @Test
    void aNameLongerThanOneHundredCharactersIsRejected() {
        rejectedBecause(settings().name("n".repeat(101)), "name must be at most 100 characters (it has 101)");
    }

    @Test
    void nameLengthCountsCharactersNotEncodingUnits() {
        // each emoji is two UTF-16 units: 60 of them are 60 characters
        accepted(settings().name("\uD83D\uDE80".repeat(60)));
    }

    @Test
    void aBlankNameIsRejected() {
        rejectedBecause(settings().name(" \t "), "name must not be blank");
    }

    @Test
    void aMissingNameIsRejected() {
        rejectedBecause(settings().name(null), "name must not be blank");
    }

    @Test
    void instructionsOfTwentyThousandCharactersAreAccepted() {
        accepted(settings().instructions("i".repeat(20_000)));
    }

    @Test
    void instructionsLongerThanTwentyThousandCharactersAreRejected() {
        rejectedBecause(settings().instructions("i".repeat(20_001)),
                "instructions must be at most 20000 characters (they have 20001)");
    }

    @Test
    void blankInstructionsAreRejected() {
        rejectedBecause(settings().instructions("\n\n"), "instructions must not be blank");
    }

    @Test
    void aMissingTierIsRejected() {
        rejectedBecause(settings().tier(null), "tier is required: basic, standard, advanced or deep");
    }

    @Test
    void aBlankModelIsRejected() {
        rejectedBecause(settings().model(" "), "model must not be blank; leave it out to use the tier's model");
    }

    @Test
    void aModelLongerThanTwoHundredCharactersIsRejected() {
        rejectedBecause(settings().model("m".repeat(201)), "model must be at most 200 characters");
    }

    @Test
    void anExplicitModelIsKept() {
        accepted(settings().model("claude-opus"));
    }

    @Test
    void aBlankToolNameIsRejected() {
        rejectedBecause(settings().tools(List.of("slack_send_message", "")), "tool names must not be blank");
    }

    @Test
    void aToolNameLongerThanOneHundredCharactersIsRejected() {
        rejectedBecause(settings().tools(List.of("t".repeat(101))), "tool names must be at most 100 characters");
    }

    @Test
    void aToolListedTwiceIsRejected() {
        rejectedBecause(settings().tools(List.of("slack_send_dm", "slack_send_message", "slack_send_dm")),
                "tool 'slack_send_dm' is listed more than once");
    }

    @Test
    void fiftyToolsAreAccepted() {
        accepted(settings().tools(toolNames(50)));
    }

    @Test
    void moreThanFiftyToolsAreRejected() {
        rejectedBecause(settings().tools(toolNames(51)), "at most 50 tools are allowed (51 were given)");
    }

    @Test
    void noToolsAtAllAreAccepted() {
        accepted(settings().tools(null));
    }

    @Test
    void aFailureLimitOfZeroIsRejected() {
        rejectedBecause(settings().maxConsecutiveFailures(0),
                "max_consecutive_failures must be between 1 and 1000, or left out for no limit (got 0)");
    }

    @Test
    void aFailureLimitAboveOneThousandIsRejected() {
        rejectedBecause(settings().maxConsecutiveFailures(1001),
                "max_consecutive_failures must be between 1 and 1000, or left out for no limit (got 1001)");
    }

    @Test
    void failureLimitsOfOneAndOneThousandAreAccepted() {
        accepted(settings().maxConsecutiveFailures(1));
        accepted(settings().maxConsecutiveFailures(1000));
    }

    @Test
    void noFailureLimitIsAccepted() {
        accepted(settings().maxConsecutiveFailures(null));
    }

    @Test
    void aMissingOverlapPolicyIsRejected() {
        rejectedBecause(settings().overlap(null), "overlap is required: skip or buffer_one");
    }

    @Test
    void aMissingCatchUpPolicyIsRejected() {
        rejectedBecause(settings().catchUp(null), "catch_up is required: skip or run_once");
    }

    private static List<String> toolNames(int count) {
        return new ArrayList<>(IntStream.rangeClosed(1, count).mapToObj(i -> "tool_" + i).toList());
    }

    @Test
    void tokenBudgetsWithinThePublishedBoundsAreAccepted() {
        accepted(settings().tokenBudgets(100L, 1_000_000_000L));
        accepted(settings().tokenBudgets(null, null));
    }

    @Test
    void tokenBudgetsOutsideThePublishedBoundsAreRejectedNamingTheSetting() {
        rejectedBecause(settings().tokenBudgets(99L, null),
                "max_tokens_per_run must be between 100 and 1000000000 tokens, or left out for no limit (got 99)");
        rejectedBecause(settings().tokenBudgets(null, 1_000_000_001L),
                "max_tokens_per_day must be between 100 and 1000000000 tokens, or left out for no limit (got 1000000001)");
    }
}
