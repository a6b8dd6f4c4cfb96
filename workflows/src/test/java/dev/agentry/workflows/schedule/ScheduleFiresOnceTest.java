package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.agentry.workflows.schedule.ScheduleBench.instant;
import static dev.agentry.workflows.schedule.ScheduleBench.runId;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFiresOnceTest {

    @Test
    void aStormOfSignalsAtTheFireTimeRunsTheFireOnceAndEachManualRequestOnce() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            ScheduleConfig config = ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.BUFFER_ONE, CatchUpPolicy.RUN_ONCE);
            AgentScheduleWorkflow schedule = bench.start("a1", config);
            bench.at(Duration.ofSeconds(270), () -> { // 12:05:00, the fire time
                for (int i = 0; i < 10; i++) {
                    schedule.reconfigure(config);
                    schedule.resume();
                    schedule.triggerNow("run-a1-manual-storm");
                }
            });

            bench.sleep(Duration.ofMinutes(7));

            assertThat(bench.runIds()).containsExactlyInAnyOrder(runId("a1", "2026-05-04T12:05:00Z"), "run-a1-manual-storm");
            assertThat(bench.skippedRuns()).isEmpty();
            bench.recordHistory("a1", "signal-storm");
        }
    }

    @Test
    void aManualRunIdThatAlreadyRanDoesNotRunAgain() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:00Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1", ScheduleBench.utc("0 9 * * *"));
            schedule.triggerNow("run-a1-manual-7");
            bench.sleep(Duration.ofMinutes(1));

            schedule.triggerNow("run-a1-manual-7");
            bench.sleep(Duration.ofMinutes(1));

            assertThat(bench.runIds()).containsExactly("run-a1-manual-7");
        }
    }

    @Test
    void aScheduleRestartedAtTheFireTimeDoesNotRunThatFireAgain() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            ScheduleConfig config = ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.SKIP, CatchUpPolicy.RUN_ONCE);
            bench.start("a1", config);
            bench.sleep(Duration.ofSeconds(275)); // 12:05:05, the 12:05 fire ran
            bench.env().getWorkflowClient()
                    .newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor("a1")).terminate("lost");

            // restored from a position before 12:05, as reconciliation might do
            bench.start(new ScheduleState("a1", config, false, instant("2026-05-04T12:04:00Z"), null, null, 0));
            bench.sleep(Duration.ofMinutes(6));

            assertThat(bench.runRequests()).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T12:05:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:05:00Z")),
                    new RunRequest("a1", runId("a1", "2026-05-04T12:10:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:10:00Z")));
            bench.recordHistory("a1", "restart-at-fire-time");
        }
    }

    @Test
    void aRestoredScheduleThatFindsItsFireStillRunningWaitsForIt() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:04:00Z", Duration.ofMinutes(8))) {
            ScheduleConfig config = ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.BUFFER_ONE, CatchUpPolicy.SKIP);
            // the 12:05 run was started before the schedule was lost; it runs until 12:13
            RunRequest fire = new RunRequest("a1", runId("a1", "2026-05-04T12:05:00Z"), RunTrigger.SCHEDULE,
                    instant("2026-05-04T12:05:00Z"));
            bench.at(Duration.ofMinutes(1), () -> bench.startRunOutsideTheSchedule(fire));
            bench.at(Duration.ofSeconds(70), () ->
                    bench.start(new ScheduleState("a1", config, false, instant("2026-05-04T12:04:00Z"), null, null, 0)));

            bench.sleep(Duration.ofMinutes(7)); // 12:11: the 12:10 fire waits for the 12:05 run

            assertThat(bench.schedule("a1").describe().runInProgress()).isEqualTo(fire.runId());
            bench.sleep(Duration.ofMinutes(3));
            assertThat(bench.runIds()).containsExactly(fire.runId());
            assertThat(bench.executedRuns().get(0).finishedAt()).isBefore(instant("2026-05-04T12:13:05Z"));
            assertThat(bench.schedule("a1").describe().runInProgress()).isEqualTo(runId("a1", "2026-05-04T12:10:00Z"));
        }
    }
}
