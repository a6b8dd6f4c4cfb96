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

/** The schedule comes back at 10:30 after handling fires only up to 06:00: the hourly fires 07:00-10:00 were missed. */
class ScheduleCatchUpTest {

    @Test
    void catchUpSkipRunsNothingForTheMissedFiresAndWaitsForTheNextOne() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T10:30:00Z")) {
            bench.start(comingBackAfterDowntime(CatchUpPolicy.SKIP));

            bench.sleep(Duration.ofMinutes(31));

            assertThat(bench.runRequests()).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T11:00:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T11:00:00Z")));
            assertThat(bench.skippedRuns()).isEmpty();
            bench.recordHistory("a1", "catch-up-skip");
        }
    }

    @Test
    void catchUpRunOnceRunsTheLatestMissedFireOnceAndThenContinuesNormally() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T10:30:00Z")) {
            bench.start(comingBackAfterDowntime(CatchUpPolicy.RUN_ONCE));

            bench.sleep(Duration.ofMinutes(31));

            assertThat(bench.runRequests()).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T10:00:00Z"), RunTrigger.CATCH_UP, instant("2026-05-04T10:00:00Z")),
                    new RunRequest("a1", runId("a1", "2026-05-04T11:00:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T11:00:00Z")));
            // at once, not at the next fire (the first test in a cold JVM can take seconds of workflow time)
            assertThat(bench.executedRuns().get(0).startedAt()).isBefore(instant("2026-05-04T10:31:00Z"));
            assertThat(bench.skippedRuns()).isEmpty();
            bench.recordHistory("a1", "catch-up-run-once");
        }
    }

    @Test
    void aFireHandledWithinTheGracePeriodIsNotAMissedFire() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T11:00:40Z")) {
            // handled up to 10:59: the 11:00 fire is 40 s late, within the grace period, so it runs as scheduled
            ScheduleConfig hourly = ScheduleBench.config("0 * * * *", "UTC", OverlapPolicy.SKIP, CatchUpPolicy.SKIP);
            bench.start(new ScheduleState("a1", hourly, false, instant("2026-05-04T10:59:00Z"), null, null, 0));

            bench.sleep(Duration.ofSeconds(5));

            assertThat(bench.runRequests()).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T11:00:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T11:00:00Z")));
        }
    }

    private static ScheduleState comingBackAfterDowntime(CatchUpPolicy catchUp) {
        ScheduleConfig hourly = ScheduleBench.config("0 * * * *", "UTC", OverlapPolicy.SKIP, catchUp);
        return new ScheduleState("a1", hourly, false, instant("2026-05-04T06:00:00Z"), null, null, 0);
    }
}
