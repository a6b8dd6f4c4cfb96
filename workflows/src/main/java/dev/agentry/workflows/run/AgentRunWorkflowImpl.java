package dev.agentry.workflows.run;

import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.TokenUsage;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Prepares the run (the agent as it is now, its model), converses with the model through {@link AgentLoop},
 * stores the transcript and reports the outcome. Failures of the model end the run as a recorded failure,
 * never as a failed workflow, so the agent's history says what went wrong.
 */
public class AgentRunWorkflowImpl implements AgentRunWorkflow {

    static final int SUMMARY_LENGTH = 500;
    static final String PREPARATION_FAILED = "PREPARATION_FAILED";
    /** The skip reason of a run whose agent spent its daily token budget. */
    static final String BUDGET = "BUDGET";

    private static final Logger log = Workflow.getLogger(AgentRunWorkflowImpl.class);

    /**
     * Marks the runs whose reading of the agent and reporting of the outcome are local activities: run by the
     * worker inside the workflow task, with no task of their own to schedule and poll. A run begun on an earlier
     * release carries no marker and keeps its ordinary activities.
     */
    static final String LOCAL_ACTIVITIES_CHANGE_ID = "local-run-activities";

    /** Reading the agent: a database outage is waited out for a while, then the run fails. */
    private static final Duration PREPARE_START_TO_CLOSE = Duration.ofMinutes(1);
    private static final Duration PREPARE_SCHEDULE_TO_CLOSE = Duration.ofMinutes(10);
    private static final RetryOptions PREPARE_RETRIES =
            RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build();
    /** Storing the transcript and the outcome: worth waiting a day for, an outcome lost is a run unaccounted for. */
    private static final Duration REPORT_START_TO_CLOSE = Duration.ofMinutes(1);
    private static final Duration REPORT_SCHEDULE_TO_CLOSE = Duration.ofDays(1);
    private static final RetryOptions REPORT_RETRIES =
            RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build();

    private final RunActivities preparing = Workflow.newActivityStub(RunActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(PREPARE_START_TO_CLOSE)
            .setScheduleToCloseTimeout(PREPARE_SCHEDULE_TO_CLOSE)
            .setRetryOptions(PREPARE_RETRIES)
            .build());

    private final RunActivities reporting = Workflow.newActivityStub(RunActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(REPORT_START_TO_CLOSE)
            .setScheduleToCloseTimeout(REPORT_SCHEDULE_TO_CLOSE)
            .setRetryOptions(REPORT_RETRIES)
            .build());

    private final RunActivities preparingLocally = Workflow.newLocalActivityStub(RunActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(PREPARE_START_TO_CLOSE)
                    .setScheduleToCloseTimeout(PREPARE_SCHEDULE_TO_CLOSE)
                    .setRetryOptions(PREPARE_RETRIES)
                    .build());

    private final RunActivities reportingLocally = Workflow.newLocalActivityStub(RunActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(REPORT_START_TO_CLOSE)
                    .setScheduleToCloseTimeout(REPORT_SCHEDULE_TO_CLOSE)
                    .setRetryOptions(REPORT_RETRIES)
                    .build());

    /** The stubs that read the agent and report the run: local ones unless the run began before they were. */
    private RunActivities preparation;
    private RunActivities reports;

    /**
     * A model call: the providers' own timeouts are shorter than this, and the heartbeats show within
     * half a minute that a call died with its worker. Retries follow the provider's classification (the
     * activity marks the hopeless ones non-retryable) and its retry-after.
     */
    private final LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .setMaximumAttempts(5)
                    .build())
            .build());

    /**
     * A model call while the run has another model to move to: a transient failure is tried once more after a
     * short pause, then the next model answers instead of the run waiting out this provider's backoff.
     */
    private final LlmActivities llmWithFallbackLeft = Workflow.newActivityStub(LlmActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setHeartbeatTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(5))
                            .setMaximumAttempts(2)
                            .build())
                    .build());

    private final ToolActivities tools = Workflow.newActivityStub(ToolActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumAttempts(3)
                    .build())
            .build());

    @Override
    public RunOutcome run(RunRequest request) {
        Instant startedAt = now();
        boolean local = Workflow.getVersion(LOCAL_ACTIVITIES_CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
        preparation = local ? preparingLocally : preparing;
        reports = local ? reportingLocally : reporting;
        PreparedRun prepared;
        try {
            prepared = preparation.prepare(request);
        } catch (ActivityFailure failure) {
            return report(new RunResult(request, startedAt, now(), null, TokenUsage.NONE, null,
                    PREPARATION_FAILED, "the agent could not be read: " + failure.getCause().getMessage(), null));
        }
        return switch (prepared.readiness()) {
            case AGENT_NOT_FOUND -> {
                log.info("Run {} ends: agent {} no longer exists", request.runId(), request.agentId());
                yield new RunOutcome(request.runId(), false, "agent not found");
            }
            case NO_MODEL -> report(new RunResult(request, startedAt, now(), null, TokenUsage.NONE, null,
                    LlmFailureKind.PROVIDER_UNAVAILABLE.name(), prepared.unavailableReason(), null));
            case DAY_BUDGET_SPENT -> skip(request, BUDGET, prepared.unavailableReason());
            case READY -> converse(request, prepared, startedAt);
        };
    }

    private RunOutcome converse(RunRequest request, PreparedRun prepared, Instant startedAt) {
        AgentLoop loop = new AgentLoop(llm, llmWithFallbackLeft, preparing, tools, prepared,
                new ToolContext(request.agentId(), request.runId(), prepared.ownerId()));
        AgentLoop.End end = loop.converse(task(request));
        Instant finishedAt = now();
        String model = loop.lastModel().name();
        String transcriptRef = storeTranscript(new RunTranscript(request.agentId(), request.runId(), model,
                startedAt, finishedAt, prepared.instructions(), prepared.tools(), loop.messages(),
                end.finalAnswer(), end.errorKind(), end.errorMessage(), loop.usage(), loop.attempts()));
        return report(new RunResult(request, startedAt, finishedAt, model, loop.usage(),
                end.finalAnswer() == null ? null : shortened(end.finalAnswer()),
                end.errorKind(), end.errorMessage(), transcriptRef));
    }

    /** What the model is asked at the start; the agent's instructions are the system prompt. */
    static String task(RunRequest request) {
        String when = request.scheduledAt() == null ? "now" : "for " + request.scheduledAt();
        return "This is a %s run of your instructions, %s. Carry them out, using your tools where they help, "
                .formatted(request.trigger().name().toLowerCase(Locale.ROOT).replace('_', '-'), when)
                + "then answer with a short report of what you did.";
    }

    /** A run without its transcript is still a run: the outcome is recorded without a reference. */
    private String storeTranscript(RunTranscript transcript) {
        try {
            return reports.storeTranscript(transcript);
        } catch (ActivityFailure failure) {
            log.warn("Run {}: transcript not stored: {}", transcript.runId(), failure.getCause().getMessage());
            return null;
        }
    }

    private RunOutcome report(RunResult result) {
        try {
            reports.recordOutcome(result);
        } catch (ActivityFailure failure) {
            log.error("Run {}: outcome not recorded: {}", result.request().runId(), failure.getCause().getMessage());
        }
        return new RunOutcome(result.request().runId(), result.succeeded(),
                result.succeeded() ? result.summary() : result.errorKind() + ": " + result.errorMessage());
    }

    static String shortened(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** A skipped run is recorded like an ended one, and waited for as long. */
    private RunOutcome skip(RunRequest request, String reason, String explanation) {
        log.info("Run {} skipped: {}", request.runId(), explanation);
        try {
            reports.recordSkipped(request, reason);
        } catch (ActivityFailure failure) {
            log.error("Run {}: skip not recorded: {}", request.runId(), failure.getCause().getMessage());
        }
        return new RunOutcome(request.runId(), false, "skipped: " + explanation);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
