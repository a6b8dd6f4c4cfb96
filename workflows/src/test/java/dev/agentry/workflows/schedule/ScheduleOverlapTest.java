package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.schedule.RecordingRunWorkflow.ExecutedRun;
import dev.agentry.workflows.schedule.ScheduleBench.SkippedRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.agentry.workflows.schedule.ScheduleBench.instant;
import static dev.agentry.workflows.schedule.ScheduleBench.runId;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleOverlapTest {

    private static final Duration SLOW_RUN = Duration.ofMinutes(12);

    @Test
    void overlapSkipRecordsTheSkippedFiresAndNeverRunsTwoRunsAtOnce() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z", SLOW_RUN)) {
            bench.start("a1", ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.SKIP, CatchUpPolicy.SKIP));

            bench.sleep(Duration.ofMinutes(45)); // until 12:45:30

            // 12:05 runs until 12:17, 12:20 until 12:32, 12:35 until 12:47 (not finished yet)
            assertThat(bench.runIds()).containsExactly(
                    runId("a1", "2026-05-04T12:05:00Z"), runId("a1", "2026-05-04T12:20:00Z"));
            assertThat(bench.skippedRuns()).containsExactly(
                    skipped("2026-05-04T12:10:00Z"), skipped("2026-05-04T12:15:00Z"),
                    skipped("2026-05-04T12:25:00Z"), skipped("2026-05-04T12:30:00Z"),
                    skipped("2026-05-04T12:40:00Z"), skipped("2026-05-04T12:45:00Z"));
            assertNoTwoRunsOverlap(bench.executedRuns());
            assertThat(bench.schedule("a1").describe().runInProgress()).isEqualTo(runId("a1", "2026-05-04T12:35:00Z"));
            bench.recordHistory("a1", "overlap-skip");
        }
    }

    @Test
    void overlapBufferOneRunsExactlyOneExtraRunRightAfterTheSlowOne() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z", SLOW_RUN)) {
            bench.start("a1", ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.BUFFER_ONE, CatchUpPolicy.SKIP));

            bench.sleep(Duration.ofMinutes(30)); // until 12:30:30

            // 12:05 runs until 12:17; 12:10 waits for it and runs 12:17-12:29; 12:15 finds the buffer taken;
            // 12:20 waits and starts at 12:29; 12:25 finds the buffer taken; 12:30 waits again
            List<ExecutedRun> runs = bench.executedRuns();
            assertThat(runs).extracting(ExecutedRun::request).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T12:05:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:05:00Z")),
                    new RunRequest("a1", runId("a1", "2026-05-04T12:10:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:10:00Z")));
            assertThat(Duration.between(runs.get(0).finishedAt(), runs.get(1).startedAt()))
                    .isBetween(Duration.ZERO, ScheduleBench.PROMPTLY);
            assertThat(bench.skippedRuns()).containsExactly(skipped("2026-05-04T12:15:00Z"), skipped("2026-05-04T12:25:00Z"));
            assertThat(bench.schedule("a1").describe().runInProgress()).isEqualTo(runId("a1", "2026-05-04T12:20:00Z"));
            assertNoTwoRunsOverlap(runs);
            bench.recordHistory("a1", "overlap-buffer-one");
        }
    }

    private static SkippedRun skipped(String fireAt) {
        return new SkippedRun("a1", runId("a1", fireAt), instant(fireAt));
    }

    static void assertNoTwoRunsOverlap(List<ExecutedRun> runsInStartOrder) {
        for (int i = 1; i < runsInStartOrder.size(); i++) {
            assertThat(runsInStartOrder.get(i).startedAt()).isAfterOrEqualTo(runsInStartOrder.get(i - 1).finishedAt());
        }
    }
}
