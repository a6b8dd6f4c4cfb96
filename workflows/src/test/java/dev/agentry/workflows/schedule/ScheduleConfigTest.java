package dev.agentry.workflows.schedule;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleConfigTest {

    @Test
    void takesScheduleAndPoliciesFromTheAgentSettings() {
        AgentSettings settings = new AgentSettings("digest", "Summarise.", ReasoningTier.STANDARD, null,
                new Schedule("0 9 * * 1-5", "Europe/Berlin"), List.of(), OverlapPolicy.BUFFER_ONE, CatchUpPolicy.RUN_ONCE, 3);

        assertThat(ScheduleConfig.of(settings, "7")).isEqualTo(new ScheduleConfig(
                new Schedule("0 9 * * 1-5", "Europe/Berlin"), OverlapPolicy.BUFFER_ONE, CatchUpPolicy.RUN_ONCE, "7"));
    }

    @Test
    void missingPoliciesMeanSkip() {
        ScheduleConfig config = new ScheduleConfig(null, null, null, "1");

        assertThat(config.overlap()).isEqualTo(OverlapPolicy.SKIP);
        assertThat(config.catchUp()).isEqualTo(CatchUpPolicy.SKIP);
    }
}
