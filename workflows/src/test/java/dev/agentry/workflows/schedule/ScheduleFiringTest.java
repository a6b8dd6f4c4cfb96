package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static dev.agentry.workflows.schedule.ScheduleBench.instant;
import static dev.agentry.workflows.schedule.ScheduleBench.runId;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFiringTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void everyFiveMinutesRunsExactlyThreeTimesInFifteenMinutes() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            bench.start("a1", ScheduleBench.utc("*/5 * * * *"));

            bench.sleep(Duration.ofMinutes(15));

            assertThat(bench.runRequests()).containsExactly(
                    new RunRequest("a1", runId("a1", "2026-05-04T12:05:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:05:00Z")),
                    new RunRequest("a1", runId("a1", "2026-05-04T12:10:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:10:00Z")),
                    new RunRequest("a1", runId("a1", "2026-05-04T12:15:00Z"), RunTrigger.SCHEDULE, instant("2026-05-04T12:15:00Z")));
            assertThat(runId("a1", "2026-05-04T12:05:00Z")).isEqualTo("run-a1-1777896300");
            assertThat(bench.executedRuns()).allSatisfy(run ->
                    assertThat(Duration.between(run.request().scheduledAt(), run.startedAt())).isLessThan(ScheduleBench.PROMPTLY));
            bench.recordHistory("a1", "every-five-minutes");
        }
    }

    @Test
    void dailyNineOClockInBerlinStaysAtNineLocalAcrossTheSpringChange() {
        try (ScheduleBench bench = ScheduleBench.at("2026-03-27T12:00:00Z")) {
            bench.start("berlin", ScheduleBench.config("0 9 * * *", "Europe/Berlin", OverlapPolicy.SKIP, CatchUpPolicy.SKIP));

            bench.sleep(Duration.ofDays(4));

            assertThat(bench.runRequests()).extracting(RunRequest::scheduledAt).containsExactly(
                    instant("2026-03-28T08:00:00Z"), // CET, UTC+1
                    instant("2026-03-29T07:00:00Z"), // the change happened at 02:00 that night: CEST, UTC+2
                    instant("2026-03-30T07:00:00Z"),
                    instant("2026-03-31T07:00:00Z"));
            assertThat(bench.runRequests()).allSatisfy(run ->
                    assertThat(run.scheduledAt().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
            bench.recordHistory("berlin", "daily-berlin-spring");
        }
    }

    @Test
    void dailyNineOClockInBerlinStaysAtNineLocalAcrossTheAutumnChange() {
        try (ScheduleBench bench = ScheduleBench.at("2026-10-23T12:00:00Z")) {
            bench.start("berlin", ScheduleBench.config("0 9 * * *", "Europe/Berlin", OverlapPolicy.SKIP, CatchUpPolicy.SKIP));

            bench.sleep(Duration.ofDays(4));

            assertThat(bench.runRequests()).extracting(RunRequest::scheduledAt).containsExactly(
                    instant("2026-10-24T07:00:00Z"), // CEST, UTC+2
                    instant("2026-10-25T08:00:00Z"), // the change happened at 03:00 that night: CET, UTC+1
                    instant("2026-10-26T08:00:00Z"),
                    instant("2026-10-27T08:00:00Z"));
            assertThat(bench.runRequests()).allSatisfy(run ->
                    assertThat(run.scheduledAt().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        }
    }

    @Test
    void describeReportsTheNextFireInTheAgentsTimezone() {
        try (ScheduleBench bench = ScheduleBench.at("2026-10-24T12:00:00Z")) {
            AgentScheduleWorkflow schedule = bench.start("berlin",
                    ScheduleBench.config("0 9 * * *", "Europe/Berlin", OverlapPolicy.SKIP, CatchUpPolicy.SKIP));
            bench.sleep(ScheduleBench.PROMPTLY);

            ScheduleSnapshot snapshot = schedule.describe();

            assertThat(snapshot.nextFireAt()).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
            assertThat(snapshot.paused()).isFalse();
            assertThat(snapshot.runInProgress()).isNull();
            assertThat(snapshot.config().schedule().cron()).isEqualTo("0 9 * * *");
        }
    }
}
