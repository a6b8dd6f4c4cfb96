package dev.agentry.workflows.schedule;

import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.workflows.run.AgentRunWorkflow;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.run.RunRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * The one run an agent may have going at a time, and the one run that may wait for it. Part of the
 * schedule workflow's code: deterministic, and replayed with it.
 */
final class RunSlot {

    /** How often to ask whether a run this execution holds no handle to has ended. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = Workflow.getLogger(RunSlot.class);

    // Recording a skip must not hold the schedule up for long: after ten minutes the record is given up.
    private final ScheduleActivities scheduleActivities = Workflow.newActivityStub(ScheduleActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
                    .build());

    private final RunStatusActivities runStatus = Workflow.newActivityStub(RunStatusActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
                    .build());

    private String runInProgress;
    /** Null while following a run by polling its status. */
    private Promise<RunOutcome> completion;
    private Instant nextPollAt;
    private RunRequest buffered;

    /** Takes over from an earlier execution; a run it left in progress is polled at once. */
    RunSlot(String runInProgress, RunRequest buffered) {
        this.runInProgress = runInProgress;
        this.buffered = buffered;
        this.nextPollAt = now();
    }

    String runInProgress() {
        return runInProgress;
    }

    RunRequest buffered() {
        return buffered;
    }

    /** True once the run this execution started has ended and {@link #update()} has not noticed it yet. */
    boolean runEnded() {
        return completion != null && completion.isCompleted();
    }

    /** When the schedule must wake to poll a run it holds no handle to, or null. */
    Instant nextPollAt() {
        return runInProgress != null && completion == null ? nextPollAt : null;
    }

    /** Starts the run, or (a run being in progress) buffers it or records it as skipped, as the policy says. */
    void offer(RunRequest request, OverlapPolicy overlap) {
        if (request.runId().equals(runInProgress) || (buffered != null && buffered.runId().equals(request.runId()))) {
            return;
        }
        if (runInProgress == null) {
            start(request);
        } else if (overlap == OverlapPolicy.BUFFER_ONE && buffered == null) {
            buffered = request;
        } else {
            log.info("Run {} skipped: run {} is still in progress", request.runId(), runInProgress);
            scheduleActivities.recordSkippedRun(request.agentId(), request.runId(), request.scheduledAt());
        }
    }

    /** Notices the end of the run in progress and starts the buffered run right after it. */
    void update() {
        if (runInProgress != null && hasEnded()) {
            runInProgress = null;
            completion = null;
        }
        if (runInProgress == null && buffered != null) {
            RunRequest next = buffered;
            buffered = null;
            start(next);
        }
    }

    private boolean hasEnded() {
        if (completion != null) {
            if (!completion.isCompleted()) {
                return false;
            }
            if (completion.getFailure() != null) {
                log.warn("Run {} ended with a failure", runInProgress, completion.getFailure());
            }
            return true;
        }
        if (now().isBefore(nextPollAt)) {
            return false;
        }
        if (runStatus.isRunOpen(runInProgress)) {
            nextPollAt = now().plus(POLL_INTERVAL);
            return false;
        }
        return true;
    }

    private void start(RunRequest request) {
        AgentRunWorkflow run = Workflow.newChildWorkflowStub(AgentRunWorkflow.class, ChildWorkflowOptions.newBuilder()
                .setWorkflowId(request.runId())
                // the run must outlive this execution, which continues as new
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                // a run id is used once, so the same fire or manual request never runs twice
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        Promise<RunOutcome> outcome = Async.function(run::run, request);
        try {
            Workflow.getWorkflowExecution(run).get();
            runInProgress = request.runId();
            completion = outcome;
        } catch (ChildWorkflowFailure failure) {
            outcome.getFailure(); // the same failure; read so that it is not reported as ignored
            if (!(failure.getCause() instanceof WorkflowExecutionAlreadyStarted)) {
                throw failure;
            }
            // Started before, e.g. by a schedule restored from an older position: it is not started
            // again, and only followed while it is still going.
            log.info("Run {} was started before; not starting it again", request.runId());
            if (runStatus.isRunOpen(request.runId())) {
                runInProgress = request.runId();
                completion = null;
                nextPollAt = now().plus(POLL_INTERVAL);
            }
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
