package dev.agentry.query;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;

import java.util.List;

/** Agent settings that use every field, so that a lost or swapped column shows. */
public final class ExampleSettings {

    private ExampleSettings() {
    }

    public static AgentSettings scheduled(String name) {
        return new AgentSettings(name, "Summarise the news for " + name, ReasoningTier.ADVANCED, null,
                new Schedule("0 8 * * MON-FRI", "Europe/Paris"), List.of("slack_send_message", "slack_list_channels"),
                OverlapPolicy.BUFFER_ONE, CatchUpPolicy.RUN_ONCE, 3);
    }

    /** A manual-only agent with an explicit model and no failure limit. */
    public static AgentSettings manual(String name) {
        return new AgentSettings(name, "Answer when asked, " + name, ReasoningTier.DEEP, "claude-sonnet",
                null, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
    }
}
