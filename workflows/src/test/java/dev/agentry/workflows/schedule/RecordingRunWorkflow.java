package dev.agentry.workflows.schedule;

import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Stands in for the agent loop: takes the time it is told (workflow time) and notes when it ran. */
public class RecordingRunWorkflow implements AgentRunWorkflow {

    /** A run as it happened, in workflow time. */
    record ExecutedRun(RunRequest request, Instant startedAt, Instant finishedAt) {
    }

    private final List<ExecutedRun> executed;
    private final Function<RunRequest, Duration> durations;

    RecordingRunWorkflow(List<ExecutedRun> executed, Function<RunRequest, Duration> durations) {
        this.executed = executed;
        this.durations = durations;
    }

    @Override
    public RunOutcome run(RunRequest request) {
        Instant startedAt = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        Duration duration = durations.apply(request);
        if (!duration.isZero()) {
            Workflow.sleep(duration);
        }
        if (!Workflow.isReplaying()) {
            executed.add(new ExecutedRun(request, startedAt, Instant.ofEpochMilli(Workflow.currentTimeMillis())));
        }
        return new RunOutcome(request.runId(), true, "done");
    }
}
