package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.FailureNoticeDue;
import dev.agentry.command.api.FailureNoticeKind;
import dev.agentry.command.api.FailureNoticeUndeliverable;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RecordUndeliverableFailureNotice;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.command.api.RestoreAgentSchedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UpdateAgent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agent's lifecycle, configuration and run outcomes. Only its owner sees it: to anyone else, and
 * to everyone once it is deleted, it answers exactly as an agent that never existed. Run outcomes
 * and repairs come from the platform itself and name no requester.
 */
@Aggregate(snapshotTriggerDefinition = Agent.SNAPSHOT_TRIGGER)
// snapshots of another revision are ignored (the agent is rebuilt from its events): bump it whenever a field changes
@Revision("2")
// a snapshot is the agent's fields as they are, read back without setters
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class Agent {

    /**
     * The name of the bean that decides when to snapshot an agent: an agent on a minutely schedule records
     * 1,440 runs a day, which every command would otherwise read again.
     */
    static final String SNAPSHOT_TRIGGER = "agentSnapshotTrigger";
    /** how much of a run's error message a failure notice carries */
    static final int NOTICE_ERROR_MAX_LENGTH = 300;

    @AggregateIdentifier
    private String agentId;
    private String ownerId;
    private AgentSettings settings;
    private AgentStatus status;
    /** failed runs since the last successful run or start */
    private int consecutiveFailures;
    /** the latest run outcome was a failure; unlike the count, starting the agent again does not end the streak */
    private boolean failing;
    /** how many failure notices became due, which numbers the next one */
    private int noticesDue;
    private RecentRunIds undeliverableNotices = new RecentRunIds();
    private RecentRunIds requestedRuns = new RecentRunIds();
    private RecentRunIds recordedRuns = new RecentRunIds();

    Agent() {
        // for Axon, which rebuilds the agent from its events
    }

    @CommandHandler
    Agent(CreateAgent command) {
        requireText(command.agentId(), "agent_id is required");
        requireText(command.ownerId(), "owner is required");
        AgentSettings validated = AgentSettingsRules.validated(command.settings());
        apply(new AgentCreated(command.agentId(), command.ownerId(), validated));
    }

    @CommandHandler
    void handle(UpdateAgent command) {
        requireVisibleTo(command.requestedBy());
        AgentSettingsRules.checkConsistent(command.change());
        AgentSettings updated = AgentSettingsRules.validated(command.change().applyTo(settings));
        if (!updated.equals(settings)) {
            apply(new AgentReconfigured(agentId, updated));
        }
    }

    @CommandHandler
    void handle(StartAgent command) {
        requireVisibleTo(command.requestedBy());
        if (status != AgentStatus.RUNNING) {
            apply(new AgentStarted(agentId));
        }
    }

    @CommandHandler
    void handle(StopAgent command) {
        requireVisibleTo(command.requestedBy());
        if (status != AgentStatus.STOPPED) {
            apply(new AgentStopped(agentId, StopReason.USER));
        }
    }

    /** A running agent is deleted as it is: consumers treat deleted as stopped. */
    @CommandHandler
    void handle(DeleteAgent command) {
        requireVisibleTo(command.requestedBy());
        apply(new AgentDeleted(agentId));
    }

    @CommandHandler
    void handle(RequestAgentRun command) {
        requireVisibleTo(command.requestedBy());
        RunOutcomeRules.requireRunId(command.runId());
        if (!requestedRuns.contains(command.runId()) && !recordedRuns.contains(command.runId())) {
            apply(new AgentRunRequested(agentId, command.runId()));
        }
    }

    @CommandHandler
    void handle(RecordAgentRun command) {
        RunOutcomeRules.check(command);
        if (!isNewOutcome(command.runId())) {
            return;
        }
        boolean recovers = failing;
        apply(new AgentRan(agentId, command.runId(), command.trigger(), command.scheduledAt(),
                command.startedAt(), command.finishedAt(), command.model(), command.inputTokens(),
                command.outputTokens(), command.summary(), command.transcriptRef()));
        if (recovers) {
            noticeDue(FailureNoticeKind.RECOVERED, command.runId(), null, null);
        }
    }

    /**
     * A failure that completes the streak the settings allow stops a running agent; a stopped one stays as it is.
     * The owner hears of the first failure of a streak and of the stop, once: a failure that is both is one notice.
     */
    @CommandHandler
    void handle(RecordAgentFailure command) {
        RunOutcomeRules.check(command);
        if (!isNewOutcome(command.runId())) {
            return;
        }
        boolean startsAStreak = !failing;
        apply(new AgentFailed(agentId, command.runId(), command.trigger(), command.scheduledAt(),
                command.startedAt(), command.finishedAt(), command.model(), command.errorKind(),
                command.errorMessage(), command.inputTokens(), command.outputTokens(), command.transcriptRef()));
        Integer limit = settings.maxConsecutiveFailures();
        if (status == AgentStatus.RUNNING && limit != null && consecutiveFailures >= limit) {
            apply(new AgentStopped(agentId, StopReason.FAILURE_LIMIT));
            noticeDue(FailureNoticeKind.FAILURE_LIMIT, command.runId(), command.errorKind(), command.errorMessage());
        } else if (startsAStreak) {
            noticeDue(FailureNoticeKind.FIRST_FAILURE, command.runId(), command.errorKind(), command.errorMessage());
        }
    }

    /** The sender could not deliver a notice; recorded once per notice, so that a repeated report adds nothing. */
    @CommandHandler
    void handle(RecordUndeliverableFailureNotice command) {
        requireText(command.noticeId(), "notice_id is required");
        requireText(command.reason(), "reason is required, e.g. NO_SLACK_CONNECTION");
        if (status != AgentStatus.DELETED && !undeliverableNotices.contains(command.noticeId())) {
            apply(new FailureNoticeUndeliverable(agentId, command.noticeId(), command.kind(), command.runId(),
                    command.reason(), command.detail()));
        }
    }

    @CommandHandler
    void handle(RecordAgentRunSkipped command) {
        RunOutcomeRules.check(command);
        if (isNewOutcome(command.runId())) {
            apply(new AgentRunSkipped(agentId, command.runId(), command.trigger(), command.scheduledAt(),
                    command.reason()));
        }
    }

    @CommandHandler
    void handle(RestoreAgentSchedule command) {
        if (status != AgentStatus.RUNNING) {
            throw new CommandRejectedException(RejectionCode.FAILED_PRECONDITION,
                    "agent '%s' is %s; only a running agent's schedule can be restored".formatted(agentId, status));
        }
        apply(new AgentScheduleRestored(agentId));
    }

    @CommandHandler
    void handle(StopOrphanedAgent command) {
        if (status == AgentStatus.RUNNING) {
            apply(new AgentStopped(agentId, StopReason.ORPHANED));
            noticeDue(FailureNoticeKind.ORPHANED, null, null, null);
        }
    }

    @EventSourcingHandler
    void on(AgentCreated event) {
        agentId = event.agentId();
        ownerId = event.ownerId();
        settings = event.settings();
        status = AgentStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(AgentReconfigured event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(AgentStarted event) {
        status = AgentStatus.RUNNING;
        // the owner starting the agent again gives it a fresh allowance of failures
        consecutiveFailures = 0;
    }

    @EventSourcingHandler
    void on(AgentStopped event) {
        status = AgentStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(AgentDeleted event) {
        // not markDeleted(): the repository would then answer with its own exception, not NOT_FOUND
        status = AgentStatus.DELETED;
    }

    @EventSourcingHandler
    void on(AgentRunRequested event) {
        requestedRuns.remember(event.runId());
    }

    @EventSourcingHandler
    void on(AgentRan event) {
        recordedRuns.remember(event.runId());
        consecutiveFailures = 0;
        failing = false;
    }

    @EventSourcingHandler
    void on(AgentFailed event) {
        recordedRuns.remember(event.runId());
        consecutiveFailures++;
        failing = true;
    }

    @EventSourcingHandler
    void on(FailureNoticeDue event) {
        noticesDue++;
    }

    @EventSourcingHandler
    void on(FailureNoticeUndeliverable event) {
        undeliverableNotices.remember(event.noticeId());
    }

    @EventSourcingHandler
    void on(AgentRunSkipped event) {
        recordedRuns.remember(event.runId());
    }

    /** Unless the owner chose no notices. The error message is shortened: a notice is a DM, the run has the rest. */
    private void noticeDue(FailureNoticeKind kind, String runId, String errorKind, String errorMessage) {
        if (settings.notifications() == NotifyPolicy.NONE) {
            return;
        }
        apply(new FailureNoticeDue(agentId, agentId + "/notice-" + (noticesDue + 1), kind, ownerId, settings.name(),
                runId, errorKind, shortened(errorMessage)));
    }

    private static String shortened(String text) {
        return text == null || text.length() <= NOTICE_ERROR_MAX_LENGTH
                ? text : text.substring(0, NOTICE_ERROR_MAX_LENGTH - 1) + "\u2026";
    }

    /** A run that finishes after its agent was deleted has nothing left to change. */
    private boolean isNewOutcome(String runId) {
        return status != AgentStatus.DELETED && !recordedRuns.contains(runId);
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
        }
    }

    private void requireVisibleTo(String requestedBy) {
        if (status == AgentStatus.DELETED || !ownerId.equals(requestedBy)) {
            throw notFound(agentId);
        }
    }

    /** The same answer as for an id that no agent has, so nothing leaks. */
    private static CommandRejectedException notFound(String agentId) {
        return new CommandRejectedException(RejectionCode.NOT_FOUND, "agent '%s' not found".formatted(agentId));
    }
}
