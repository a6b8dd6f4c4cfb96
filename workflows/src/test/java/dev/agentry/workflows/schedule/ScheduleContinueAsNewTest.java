package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.schedule.RecordingRunWorkflow.ExecutedRun;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.agentry.workflows.schedule.ScheduleBench.instant;
import static dev.agentry.workflows.schedule.ScheduleBench.runId;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleContinueAsNewTest {

    @Test
    void aDayOfFiresRunsEachFireOnceAcrossManyContinuesAsNew() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T00:00:30Z")) {
            bench.start(new ScheduleState("a1", ScheduleBench.utc("*/5 * * * *"), false, null, null, null, 20));

            bench.sleep(Duration.ofHours(24));

            Set<String> expected = new HashSet<>();
            for (Instant fire = instant("2026-05-04T00:05:00Z"); !fire.isAfter(instant("2026-05-05T00:00:00Z"));
                    fire = fire.plusSeconds(300)) {
                expected.add(AgentScheduleWorkflow.scheduledRunId("a1", fire));
            }
            List<String> runIds = bench.runIds();
            assertThat(runIds).doesNotHaveDuplicates();
            assertThat(new HashSet<>(runIds)).isEqualTo(expected);
            WorkflowExecutionHistory current = bench.history("a1");
            assertThat(startedAttributes(current).getContinuedExecutionRunId()).isNotEmpty();
            assertThat(expected).hasSize(288);
            // without continue-as-new one history would hold about 12 events per fire, 3,500 in a day
            assertThat(current.getEvents().size()).isLessThan(400);
        }
    }

    @Test
    void aRunInProgressAndABufferedFireSurviveContinueAsNew() {
        RunRequest longRun = new RunRequest("a1", "run-a1-manual-long", RunTrigger.MANUAL, instant("2026-05-04T12:00:30Z"));
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z",
                request -> request.equals(longRun) ? Duration.ofMinutes(12) : Duration.ZERO)) {
            // as an earlier execution would leave it: a run going on, handled fires up to now
            bench.startRunOutsideTheSchedule(longRun);
            ScheduleConfig config = ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.BUFFER_ONE, CatchUpPolicy.SKIP);
            bench.start(new ScheduleState("a1", config, false, null, null, longRun.runId(), 2));

            bench.sleep(Duration.ofMinutes(11)); // 12:11:30: 12:05 waits, 12:10 found the buffer taken

            ScheduleState carried = startedState(bench.history("a1"));
            assertThat(carried.runInProgress()).isEqualTo(longRun.runId());
            assertThat(carried.bufferedRun()).isEqualTo(new RunRequest(
                    "a1", runId("a1", "2026-05-04T12:05:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:05:00Z")));
            assertThat(bench.skippedRuns()).extracting(ScheduleBench.SkippedRun::runId)
                    .containsExactly(runId("a1", "2026-05-04T12:10:00Z"));

            bench.sleep(Duration.ofMinutes(3)); // the long run ends at 12:12:30

            List<ExecutedRun> runs = bench.executedRuns();
            assertThat(runs).extracting(run -> run.request().runId())
                    .containsExactly(longRun.runId(), runId("a1", "2026-05-04T12:05:00Z"));
            // followed by polling, the buffered run starts within one poll interval after the long one ended
            assertThat(Duration.between(runs.get(0).finishedAt(), runs.get(1).startedAt()))
                    .isBetween(Duration.ZERO, RunSlot.POLL_INTERVAL.plus(ScheduleBench.PROMPTLY));
            ScheduleOverlapTest.assertNoTwoRunsOverlap(runs);
            bench.recordHistory("a1", "run-in-progress-across-continue-as-new");
        }
    }

    private static WorkflowExecutionStartedEventAttributes startedAttributes(WorkflowExecutionHistory history) {
        return history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes();
    }

    private static ScheduleState startedState(WorkflowExecutionHistory history) {
        WorkflowExecutionStartedEventAttributes started = startedAttributes(history);
        assertThat(started.getContinuedExecutionRunId()).isNotEmpty();
        return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                0, Optional.of(started.getInput()), ScheduleState.class, ScheduleState.class);
    }
}
