package dev.agentry.command.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;

import java.util.List;

/** Valid agent settings to start from; each test breaks or changes only what it is about. */
final class SettingsBuilder {

    private String name = "Daily digest";
    private String instructions = "Summarise yesterday's messages in #general.";
    private ReasoningTier tier = ReasoningTier.STANDARD;
    private String model;
    private Schedule schedule = new Schedule("0 9 * * 1-5", "Europe/Berlin");
    private List<String> tools = List.of("slack_list_channels", "slack_send_message");
    private OverlapPolicy overlap = OverlapPolicy.SKIP;
    private CatchUpPolicy catchUp = CatchUpPolicy.SKIP;
    private Integer maxConsecutiveFailures = 3;
    // no failure notices unless a test is about them, so that the others see only the events they are about
    private NotifyPolicy notify = NotifyPolicy.NONE;
    private Long maxTokensPerRun;
    private Long maxTokensPerDay;

    static SettingsBuilder settings() {
        return new SettingsBuilder();
    }

    SettingsBuilder name(String value) {
        name = value;
        return this;
    }

    SettingsBuilder instructions(String value) {
        instructions = value;
        return this;
    }

    SettingsBuilder tier(ReasoningTier value) {
        tier = value;
        return this;
    }

    SettingsBuilder model(String value) {
        model = value;
        return this;
    }

    SettingsBuilder schedule(Schedule value) {
        schedule = value;
        return this;
    }

    SettingsBuilder schedule(String cron, String timezone) {
        return schedule(new Schedule(cron, timezone));
    }

    SettingsBuilder tools(List<String> value) {
        tools = value;
        return this;
    }

    SettingsBuilder overlap(OverlapPolicy value) {
        overlap = value;
        return this;
    }

    SettingsBuilder catchUp(CatchUpPolicy value) {
        catchUp = value;
        return this;
    }

    SettingsBuilder maxConsecutiveFailures(Integer value) {
        maxConsecutiveFailures = value;
        return this;
    }

    SettingsBuilder notify(NotifyPolicy value) {
        notify = value;
        return this;
    }

    SettingsBuilder tokenBudgets(Long perRun, Long perDay) {
        maxTokensPerRun = perRun;
        maxTokensPerDay = perDay;
        return this;
    }

    AgentSettings build() {
        return new AgentSettings(name, instructions, tier, model, schedule, tools, overlap, catchUp,
                maxConsecutiveFailures, notify, maxTokensPerRun, maxTokensPerDay);
    }
}
