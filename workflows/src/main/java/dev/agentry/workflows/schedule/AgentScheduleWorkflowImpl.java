package dev.agentry.workflows.schedule;

import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.run.RunRequest;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sleeps until the next fire or a signal, then: notices a run that ended, starts manual runs, handles the
 * due fire, applies new settings. New settings and manual runs are only noted by their signal handlers and
 * acted on by the loop, so a fire that falls due together with new settings is still handled under the
 * settings it fell due in. A pause takes effect at once: a fire due at the same moment does not run.
 */
public class AgentScheduleWorkflowImpl implements AgentScheduleWorkflow {

    /** Past this history length an execution continues as new, however few wake-ups it handled. */
    static final int HISTORY_LENGTH_LIMIT = 2_000;
    /** A run still in progress holds continue-as-new up for at most this many times the usual wake-ups. */
    static final int FORCED_CONTINUE_AS_NEW_FACTOR = 4;

    private static final Logger log = Workflow.getLogger(AgentScheduleWorkflowImpl.class);

    private final String agentId;
    private final int continueAsNewAfterWakeUps;
    private final RunSlot runs;
    private ScheduleConfig config;
    private FireTimes cron;
    private boolean paused;
    private Instant firesHandledThrough;
    private Instant nextFireAt;

    private ScheduleConfig requestedConfig;
    private final List<String> requestedManualRuns = new ArrayList<>();
    private boolean stopRequested;
    private boolean signalled;

    @WorkflowInit
    public AgentScheduleWorkflowImpl(ScheduleState state) {
        agentId = state.agentId();
        continueAsNewAfterWakeUps = state.continueAsNewAfterWakeUps();
        runs = new RunSlot(state.runInProgress(), state.bufferedRun());
        config = state.config();
        paused = state.paused();
        firesHandledThrough = state.firesHandledThrough() == null ? now() : state.firesHandledThrough();
    }

    /** The state was taken in by the constructor, before any signal handler could run. */
    @Override
    public void run(ScheduleState state) {
        cron = cronOf(config);
        int wakeUps = 0;
        while (true) {
            signalled = false;
            if (stopRequested) {
                log.info("Schedule of agent {} stopped", agentId);
                return;
            }
            runs.update();
            startRequestedManualRuns();
            if (!paused) {
                handleDueFire();
            }
            applyRequestedConfig();
            nextFireAt = paused || cron == null ? null : cron.nextFireAfter(firesHandledThrough);
            wakeUps++;
            // a signal that arrived while this pass was busy is acted on first, as it is not part of the state
            if (!signalled && shouldContinueAsNew(wakeUps)) {
                // the memo is given again: what the service would carry over is the one of the first start
                Workflow.continueAsNew(ContinueAsNewOptions.newBuilder().setMemo(ScheduleMemo.of(config)).build(),
                        currentState());
            }
            awaitNextEvent();
        }
    }

    @Override
    public void reconfigure(ScheduleConfig newConfig) {
        if (newConfig.equals(config) && requestedConfig == null) {
            return;
        }
        try {
            if (newConfig.schedule() != null) {
                FireTimes.of(newConfig.schedule());
            }
        } catch (IllegalArgumentException invalid) {
            log.warn("Agent {}: new settings ignored: {}", agentId, invalid.getMessage());
            return;
        }
        requestedConfig = newConfig;
        signalled = true;
        // in the handler, so that the memo says what describe() says from this workflow task on
        if (Workflow.getVersion(ScheduleMemo.KEPT_CURRENT, Workflow.DEFAULT_VERSION, 1) >= 1) {
            Workflow.upsertMemo(ScheduleMemo.of(newConfig));
        }
    }

    @Override
    public void pause() {
        paused = true;
        signalled = true;
    }

    @Override
    public void resume() {
        if (paused) {
            paused = false;
            firesHandledThrough = latest(firesHandledThrough, now());
        }
        signalled = true;
    }

    @Override
    public void triggerNow(String runId) {
        if (runId == null || runId.isBlank() || requestedManualRuns.contains(runId)) {
            return;
        }
        requestedManualRuns.add(runId);
        signalled = true;
    }

    @Override
    public void stop() {
        stopRequested = true;
        signalled = true;
    }

    @Override
    public ScheduleSnapshot describe() {
        return new ScheduleSnapshot(agentId, requestedConfig == null ? config : requestedConfig,
                paused, nextFireAt, runs.runInProgress());
    }

    private void startRequestedManualRuns() {
        while (!requestedManualRuns.isEmpty()) {
            String runId = requestedManualRuns.remove(0);
            runs.offer(new RunRequest(agentId, runId, RunTrigger.MANUAL, now()), config.overlap());
        }
    }

    private void handleDueFire() {
        Instant now = now();
        if (cron != null) {
            DueFire.find(cron, config.catchUp(), firesHandledThrough, now).ifPresent(fire -> runs.offer(
                    new RunRequest(agentId, AgentScheduleWorkflow.scheduledRunId(agentId, fire.fireAt()),
                            fire.trigger(), fire.fireAt()),
                    config.overlap()));
        }
        firesHandledThrough = latest(firesHandledThrough, now);
    }

    /** New settings count from now on: fires of the new cron before now are not missed fires. */
    private void applyRequestedConfig() {
        if (requestedConfig == null) {
            return;
        }
        config = requestedConfig;
        cron = cronOf(config);
        requestedConfig = null;
        firesHandledThrough = latest(firesHandledThrough, now());
        log.info("Schedule of agent {} reconfigured: {}", agentId, config);
    }

    private void awaitNextEvent() {
        Supplier<Boolean> woken = () -> signalled || runs.runEnded();
        if (woken.get()) {
            return;
        }
        Instant wakeAt = earliest(nextFireAt, runs.nextPollAt());
        if (wakeAt == null) {
            Workflow.await(woken);
            return;
        }
        Duration untilWake = Duration.between(now(), wakeAt);
        if (untilWake.compareTo(Duration.ZERO) > 0) {
            Workflow.await(untilWake, woken);
        }
    }

    private ScheduleState currentState() {
        return new ScheduleState(agentId, config, paused, firesHandledThrough, runs.buffered(),
                runs.runInProgress(), continueAsNewAfterWakeUps);
    }

    /**
     * After the given number of wake-ups, as soon as no run is in progress, so that a run's end reaches the
     * execution that started it (a later execution can only poll for it). A run that is still going after
     * four times as many wake-ups, or a long history, does not hold it up.
     */
    private boolean shouldContinueAsNew(int wakeUps) {
        boolean idle = runs.runInProgress() == null;
        return (idle && wakeUps >= continueAsNewAfterWakeUps)
                || wakeUps >= FORCED_CONTINUE_AS_NEW_FACTOR * continueAsNewAfterWakeUps
                || Workflow.getInfo().getHistoryLength() >= HISTORY_LENGTH_LIMIT
                || Workflow.getInfo().isContinueAsNewSuggested();
    }

    private static FireTimes cronOf(ScheduleConfig config) {
        if (config.schedule() == null) {
            return null;
        }
        try {
            return FireTimes.of(config.schedule());
        } catch (IllegalArgumentException invalid) {
            throw ApplicationFailure.newNonRetryableFailure(invalid.getMessage(), "InvalidSchedule");
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
