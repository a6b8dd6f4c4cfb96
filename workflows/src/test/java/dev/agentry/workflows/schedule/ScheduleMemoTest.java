package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.Schedule;
import io.temporal.api.history.v1.HistoryEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule's memo names the fingerprint of the settings it acts on, from its start through reconfigurations and continues-as-new. */
class ScheduleMemoTest {

    private static final ScheduleConfig FIRST = new ScheduleConfig(new Schedule("*/5 * * * *", "UTC"),
            OverlapPolicy.SKIP, CatchUpPolicy.SKIP, "fingerprint-1");
    private static final ScheduleConfig SECOND = new ScheduleConfig(new Schedule("*/10 * * * *", "Europe/Berlin"),
            OverlapPolicy.SKIP, CatchUpPolicy.RUN_ONCE, "fingerprint-2");

    @Test
    void aStartedScheduleCarriesItsFingerprintAndEachReconfigurationReplacesIt() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T00:00:30Z")) {
            AgentSchedules schedules = new AgentSchedules(bench.env().getWorkflowClient());
            schedules.start(ScheduleState.startingNow("a1", FIRST));
            bench.sleep(Duration.ofSeconds(1));
            assertThat(memoFingerprint(bench)).isEqualTo("fingerprint-1");

            schedules.of("a1").reconfigure(SECOND);
            bench.sleep(Duration.ofSeconds(1));

            assertThat(memoFingerprint(bench)).isEqualTo("fingerprint-2");
            assertThat(schedules.of("a1").describe().config().fingerprint()).isEqualTo("fingerprint-2");
        }
    }

    @Test
    void theFingerprintOfTheLatestSettingsOutlivesContinueAsNew() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T00:00:30Z")) {
            AgentSchedules schedules = new AgentSchedules(bench.env().getWorkflowClient());
            schedules.start(new ScheduleState("a1", FIRST, false, null, null, null, 2));
            bench.sleep(Duration.ofSeconds(1));
            schedules.of("a1").reconfigure(SECOND);

            bench.sleep(Duration.ofMinutes(45));

            assertThat(bench.history("a1").getEvents()).first().extracting(HistoryEvent::getWorkflowExecutionStartedEventAttributes)
                    .satisfies(started -> assertThat(started.getContinuedExecutionRunId()).isNotEmpty());
            assertThat(memoFingerprint(bench)).isEqualTo("fingerprint-2");
        }
    }

    private static String memoFingerprint(ScheduleBench bench) {
        return bench.env().getWorkflowClient().newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor("a1"))
                .describe().getMemo(ScheduleMemo.FINGERPRINT, String.class, String.class);
    }
}
