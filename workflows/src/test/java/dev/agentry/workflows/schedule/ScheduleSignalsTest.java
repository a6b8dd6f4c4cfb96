package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static dev.agentry.workflows.schedule.ScheduleBench.instant;
import static dev.agentry.workflows.schedule.ScheduleBench.runId;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSignalsTest {

    @Test
    void pausedScheduleDoesNotFireAndResumedOneContinuesWithoutCatchingUp() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            // catch-up RUN_ONCE, to show that fires that fell into the pause do not count as missed
            AgentScheduleWorkflow schedule = bench.start("a1",
                    ScheduleBench.config("*/5 * * * *", "UTC", OverlapPolicy.SKIP, CatchUpPolicy.RUN_ONCE));
            bench.sleep(Duration.ofMinutes(6));

            schedule.pause();
            bench.sleep(ScheduleBench.PROMPTLY);
            assertThat(schedule.describe().paused()).isTrue();
            assertThat(schedule.describe().nextFireAt()).isNull();
            bench.sleep(Duration.ofMinutes(20));
            assertThat(bench.runIds()).containsExactly(runId("a1", "2026-05-04T12:05:00Z"));

            schedule.resume(); // at about 12:26:35
            bench.sleep(ScheduleBench.PROMPTLY);
            assertThat(schedule.describe().nextFireAt()).isEqualTo(instant("2026-05-04T12:30:00Z"));
            bench.sleep(Duration.ofMinutes(5));

            assertThat(bench.runIds()).containsExactly(
                    runId("a1", "2026-05-04T12:05:00Z"), runId("a1", "2026-05-04T12:30:00Z"));
            bench.recordHistory("a1", "pause-and-resume");
        }
    }

    @Test
    void triggerNowStartsAManualRunImmediately() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:00Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1", ScheduleBench.utc("0 9 * * *"));
            bench.sleep(Duration.ofMinutes(1));
            Instant requestedAt = bench.now();

            schedule.triggerNow("run-a1-manual-42");
            bench.sleep(ScheduleBench.PROMPTLY);

            assertThat(bench.runRequests()).hasSize(1);
            RunRequest run = bench.runRequests().get(0);
            assertThat(run.runId()).isEqualTo("run-a1-manual-42");
            assertThat(run.trigger()).isEqualTo(RunTrigger.MANUAL);
            assertThat(Duration.between(requestedAt, run.scheduledAt())).isBetween(Duration.ZERO, ScheduleBench.PROMPTLY);
            assertThat(bench.executedRuns().get(0).startedAt()).isBefore(requestedAt.plus(ScheduleBench.PROMPTLY));
            bench.recordHistory("a1", "trigger-now");
        }
    }

    @Test
    void aScheduleWithoutCronRunsOnlyOnDemand() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:00Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1",
                    new ScheduleConfig(null, OverlapPolicy.SKIP, CatchUpPolicy.SKIP, "v1"));
            bench.sleep(Duration.ofDays(1));
            assertThat(schedule.describe().nextFireAt()).isNull();

            schedule.triggerNow("run-a1-manual-1");
            bench.sleep(ScheduleBench.PROMPTLY);

            assertThat(bench.runIds()).containsExactly("run-a1-manual-1");
        }
    }

    @Test
    void reconfigureChangesTheCadenceFromNowOn() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1", ScheduleBench.utc("*/5 * * * *"));
            bench.sleep(Duration.ofMinutes(6));

            // catch-up RUN_ONCE, to show that 12:06, a fire of the new cadence before the change, is not missed
            ScheduleConfig everyTwoMinutes = ScheduleBench.config("*/2 * * * *", "UTC", OverlapPolicy.SKIP, CatchUpPolicy.RUN_ONCE);
            schedule.reconfigure(everyTwoMinutes); // at 12:06:30
            bench.sleep(ScheduleBench.PROMPTLY);
            assertThat(schedule.describe().config()).isEqualTo(everyTwoMinutes);
            assertThat(schedule.describe().nextFireAt()).isEqualTo(instant("2026-05-04T12:08:00Z"));
            bench.sleep(Duration.ofMinutes(6)); // until about 12:12:35

            assertThat(bench.runIds()).containsExactly(
                    runId("a1", "2026-05-04T12:05:00Z"), runId("a1", "2026-05-04T12:08:00Z"),
                    runId("a1", "2026-05-04T12:10:00Z"), runId("a1", "2026-05-04T12:12:00Z"));
            bench.recordHistory("a1", "reconfigure");
        }
    }

    @Test
    void anInvalidCronInNewSettingsIsIgnored() {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1", ScheduleBench.utc("*/5 * * * *"));

            schedule.reconfigure(ScheduleBench.utc("every tuesday"));
            bench.sleep(Duration.ofMinutes(10));

            assertThat(schedule.describe().config().schedule().cron()).isEqualTo("*/5 * * * *");
            assertThat(bench.runIds()).hasSize(2);
        }
    }

    @Test
    void stopCompletesTheWorkflowAndNothingFiresAfterwards() throws Exception {
        try (ScheduleBench bench = ScheduleBench.at("2026-05-04T12:00:30Z")) {
            AgentScheduleWorkflow schedule = bench.start("a1", ScheduleBench.utc("*/5 * * * *"));
            bench.sleep(Duration.ofMinutes(6));

            schedule.stop();
            WorkflowStub.fromTyped(schedule).getResult(5, TimeUnit.SECONDS, Void.class);
            bench.sleep(Duration.ofMinutes(30));

            assertThat(bench.env().getWorkflowClient()
                    .newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor("a1")).describe().getStatus())
                    .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
            assertThat(bench.runIds()).containsExactly(runId("a1", "2026-05-04T12:05:00Z"));
            bench.recordHistory("a1", "stop");
        }
    }
}
