package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.Schedule;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.schedule.RecordingRunWorkflow.ExecutedRun;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-memory Temporal service with time skipping, a worker for schedules, a stand-in run workflow and
 * activities that note what they were asked. Each test gets its own.
 */
final class ScheduleBench implements AutoCloseable {

    record SkippedRun(String agentId, String runId, Instant scheduledAt) {
    }

    static final class RecordingScheduleActivities implements ScheduleActivities {
        private final List<SkippedRun> skipped;

        RecordingScheduleActivities(List<SkippedRun> skipped) {
            this.skipped = skipped;
        }

        @Override
        public void recordSkippedRun(String agentId, String runId, Instant scheduledAt) {
            skipped.add(new SkippedRun(agentId, runId, scheduledAt));
        }
    }

    /**
     * How soon something counts as "at once". Time stands still only while nothing is being processed:
     * while a workflow task runs, workflow time passes like real time, and a cold JVM on a busy machine is slow.
     */
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** Where {@code -Drecord.histories=true} writes the histories that the replay test replays. */
    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    private final TestWorkflowEnvironment env;
    private final List<ExecutedRun> executedRuns = new CopyOnWriteArrayList<>();
    private final List<SkippedRun> skippedRuns = new CopyOnWriteArrayList<>();

    private ScheduleBench(Instant start, Function<RunRequest, Duration> runDurations) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(start).build());
        Worker worker = env.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentScheduleWorkflowImpl.class);
        worker.registerWorkflowImplementationFactory(AgentRunWorkflow.class,
                () -> new RecordingRunWorkflow(executedRuns, runDurations));
        worker.registerActivitiesImplementations(
                new RecordingScheduleActivities(skippedRuns), new DescribedRunStatus(env.getWorkflowClient()));
        env.start();
    }

    /** Runs take no time. */
    static ScheduleBench at(String start) {
        return at(start, Duration.ZERO);
    }

    static ScheduleBench at(String start, Duration runDuration) {
        return new ScheduleBench(Instant.parse(start), request -> runDuration);
    }

    static ScheduleBench at(String start, Function<RunRequest, Duration> runDurations) {
        return new ScheduleBench(Instant.parse(start), runDurations);
    }

    static ScheduleConfig config(String cron, String timezone, OverlapPolicy overlap, CatchUpPolicy catchUp) {
        return new ScheduleConfig(new Schedule(cron, timezone), overlap, catchUp, "v1");
    }

    static ScheduleConfig utc(String cron) {
        return config(cron, "UTC", OverlapPolicy.SKIP, CatchUpPolicy.SKIP);
    }

    AgentScheduleWorkflow start(ScheduleState state) {
        AgentScheduleWorkflow schedule = env.getWorkflowClient().newWorkflowStub(AgentScheduleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(state.agentId()))
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(schedule::run, state);
        return schedule;
    }

    AgentScheduleWorkflow start(String agentId, ScheduleConfig config) {
        return start(ScheduleState.startingNow(agentId, config));
    }

    /** Starts a run the way a schedule that is gone (or an earlier execution of it) would have left it. */
    void startRunOutsideTheSchedule(RunRequest request) {
        AgentRunWorkflow run = env.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(request.runId())
                        .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(run::run, request);
    }

    /** A stub that follows the agent's schedule across continue-as-new. */
    AgentScheduleWorkflow schedule(String agentId) {
        return env.getWorkflowClient().newWorkflowStub(AgentScheduleWorkflow.class,
                AgentScheduleWorkflow.workflowIdFor(agentId));
    }

    void sleep(Duration duration) {
        env.sleep(duration);
    }

    /** Runs at this offset from now, in workflow time (so exactly at a fire time if asked to). */
    void at(Duration fromNow, Runnable action) {
        env.registerDelayedCallback(fromNow, action);
    }

    Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    TestWorkflowEnvironment env() {
        return env;
    }

    /** Finished runs in the order they started. */
    List<ExecutedRun> executedRuns() {
        return executedRuns.stream().sorted(Comparator.comparing(ExecutedRun::startedAt)).toList();
    }

    List<RunRequest> runRequests() {
        return executedRuns().stream().map(ExecutedRun::request).toList();
    }

    List<String> runIds() {
        return runRequests().stream().map(RunRequest::runId).toList();
    }

    List<SkippedRun> skippedRuns() {
        return List.copyOf(skippedRuns);
    }

    /** The history of the agent's current schedule execution. */
    WorkflowExecutionHistory history(String agentId) {
        return env.getWorkflowClient().fetchHistory(AgentScheduleWorkflow.workflowIdFor(agentId));
    }

    /** With {@code -Drecord.histories=true}, keeps this execution's history for the replay test. */
    void recordHistory(String agentId, String name) {
        if (!Boolean.getBoolean("record.histories")) {
            return;
        }
        try {
            Files.createDirectories(HISTORIES);
            Files.writeString(HISTORIES.resolve(name + ".json"), history(agentId).toJson(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant instant(String iso) {
        return Instant.parse(iso);
    }

    static String runId(String agentId, String fireAt) {
        return AgentScheduleWorkflow.scheduledRunId(agentId, Instant.parse(fireAt));
    }

    @Override
    public void close() {
        env.close();
    }
}
