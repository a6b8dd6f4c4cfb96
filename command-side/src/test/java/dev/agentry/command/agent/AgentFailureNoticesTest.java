package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.FailureNoticeDue;
import dev.agentry.command.api.FailureNoticeKind;
import dev.agentry.command.api.FailureNoticeUndeliverable;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordUndeliverableFailureNotice;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.command.api.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.agentry.command.agent.RunReports.AGENT;
import static dev.agentry.command.agent.RunReports.FINISHED;
import static dev.agentry.command.agent.RunReports.FIRE;
import static dev.agentry.command.agent.RunReports.STARTED;
import static dev.agentry.command.agent.RunReports.failed;
import static dev.agentry.command.agent.RunReports.failure;
import static dev.agentry.command.agent.RunReports.ran;
import static dev.agentry.command.agent.RunReports.skipped;
import static dev.agentry.command.agent.RunReports.success;
import static dev.agentry.command.agent.SettingsBuilder.settings;

/** The owner hears once that a streak of failures began, once that it stopped the agent, and once that it ended. */
class AgentFailureNoticesTest {

    private static final String OWNER = "user-owner";
    private static final String NAME = "Daily digest";
    private static final String ERROR_KIND = "RATE_LIMITED";
    private static final String ERROR = "the provider refused 3 times: rate limited";

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void theAgentsFirstFailureEverIsNoticed() {
        fixture.given(notifying(3))
                .when(failure("run-1"))
                .expectEvents(failed("run-1"), firstFailure(1, "run-1"));
    }

    @Test
    void laterFailuresOfTheSameStreakAreNotNoticed() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1")))
                .when(failure("run-2"))
                .expectEvents(failed("run-2"));
    }

    @Test
    void theFirstFailureAfterASuccessStartsANewStreakAndIsNoticed() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"), ran("run-2"), recovered(2, "run-2")))
                .when(failure("run-3"))
                .expectEvents(failed("run-3"), firstFailure(3, "run-3"));
    }

    @Test
    void theFirstSuccessAfterFailuresIsNoticedAsARecovery() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"), failed("run-2"), failed("run-3")))
                .when(success("run-4"))
                .expectEvents(ran("run-4"), recovered(2, "run-4"));
    }

    @Test
    void aSuccessAfterASuccessIsNotNoticed() {
        fixture.given(notifying(null, ran("run-1")))
                .when(success("run-2"))
                .expectEvents(ran("run-2"));
    }

    @Test
    void aSkippedFireNeitherEndsNorStartsAStreak() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"), skipped("run-2")))
                .when(failure("run-3"))
                .expectEvents(failed("run-3"));
    }

    @Test
    void theFailureThatReachesTheLimitIsNoticedAsTheStop() {
        fixture.given(notifying(2, failed("run-1"), firstFailure(1, "run-1")))
                .when(failure("run-2"))
                .expectEvents(failed("run-2"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT),
                        notice(2, FailureNoticeKind.FAILURE_LIMIT, "run-2", ERROR_KIND, ERROR));
    }

    @Test
    void aFailureThatStartsTheStreakAndReachesTheLimitIsOneNotice() {
        fixture.given(notifying(1))
                .when(failure("run-1"))
                .expectEvents(failed("run-1"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT),
                        notice(1, FailureNoticeKind.FAILURE_LIMIT, "run-1", ERROR_KIND, ERROR));
    }

    /** Starting again renews the allowance of failures, not the streak: the owner already knows it is failing. */
    @Test
    void aFailureAfterARestartWithoutASuccessIsNotAFirstFailure() {
        fixture.given(notifying(1, failed("run-1"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT),
                        notice(1, FailureNoticeKind.FAILURE_LIMIT, "run-1", ERROR_KIND, ERROR), new AgentStarted(AGENT)))
                .when(failure("run-2"))
                .expectEvents(failed("run-2"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT),
                        notice(2, FailureNoticeKind.FAILURE_LIMIT, "run-2", ERROR_KIND, ERROR));
    }

    @Test
    void aStopAsOrphanedIsNoticed() {
        fixture.given(notifying(null))
                .when(new StopOrphanedAgent(AGENT))
                .expectEvents(new AgentStopped(AGENT, StopReason.ORPHANED),
                        notice(1, FailureNoticeKind.ORPHANED, null, null, null));
    }

    @Test
    void aStopByTheOwnerIsNotNoticed() {
        fixture.given(notifying(null))
                .when(new StopAgent(AGENT, OWNER))
                .expectEvents(new AgentStopped(AGENT, StopReason.USER));
    }

    @Test
    void anAgentThatNotifiesNobodyHasNoNotices() {
        fixture.given(new AgentCreated(AGENT, OWNER, settings().maxConsecutiveFailures(1).notify(NotifyPolicy.NONE).build()),
                        new AgentStarted(AGENT))
                .when(failure("run-1"))
                .expectEvents(failed("run-1"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void choosingNoNoticesMidStreakSilencesTheRecovery() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"),
                        new AgentReconfigured(AGENT, settings().maxConsecutiveFailures(null).notify(NotifyPolicy.NONE).build())))
                .when(success("run-2"))
                .expectEvents(ran("run-2"));
    }

    @Test
    void aRepeatedReportOfANoticedFailureAddsNoNotice() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1")))
                .when(failure("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLongErrorMessageIsShortenedInTheNotice() {
        String longMessage = "x".repeat(Agent.NOTICE_ERROR_MAX_LENGTH + 50);
        fixture.given(notifying(null))
                .when(new RecordAgentFailure(AGENT, "run-1", RunTrigger.CATCH_UP, FIRE, STARTED, FINISHED, "gpt-large",
                        "INVALID_REQUEST", longMessage, 800, 0, null))
                .expectEvents(new AgentFailed(AGENT, "run-1", RunTrigger.CATCH_UP, FIRE, STARTED,
                                FINISHED, "gpt-large", "INVALID_REQUEST", longMessage, 800, 0, null),
                        new FailureNoticeDue(AGENT, AGENT + "/notice-1", FailureNoticeKind.FIRST_FAILURE, OWNER, NAME,
                                "run-1", "INVALID_REQUEST", "x".repeat(Agent.NOTICE_ERROR_MAX_LENGTH - 1) + "\u2026"));
    }

    @Test
    void anUndeliverableNoticeIsRecordedOnce() {
        RecordUndeliverableFailureNotice undeliverable = new RecordUndeliverableFailureNotice(AGENT, AGENT + "/notice-1",
                FailureNoticeKind.FIRST_FAILURE, "run-1", "NO_SLACK_CONNECTION", "the owner has not connected Slack");
        FailureNoticeUndeliverable recorded = new FailureNoticeUndeliverable(AGENT, AGENT + "/notice-1",
                FailureNoticeKind.FIRST_FAILURE, "run-1", "NO_SLACK_CONNECTION", "the owner has not connected Slack");
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1")))
                .when(undeliverable)
                .expectEvents(recorded);
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"), recorded))
                .when(undeliverable)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedAgentRecordsNothingMore() {
        fixture.given(notifying(null, failed("run-1"), firstFailure(1, "run-1"), new AgentDeleted(AGENT)))
                .when(new RecordUndeliverableFailureNotice(AGENT, AGENT + "/notice-1", FailureNoticeKind.FIRST_FAILURE,
                        "run-1", "NO_SLACK_CONNECTION", "the owner has not connected Slack"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static FailureNoticeDue firstFailure(int number, String runId) {
        return notice(number, FailureNoticeKind.FIRST_FAILURE, runId, ERROR_KIND, ERROR);
    }

    private static FailureNoticeDue recovered(int number, String runId) {
        return notice(number, FailureNoticeKind.RECOVERED, runId, null, null);
    }

    private static FailureNoticeDue notice(int number, FailureNoticeKind kind, String runId, String errorKind,
                                           String errorMessage) {
        return new FailureNoticeDue(AGENT, AGENT + "/notice-" + number, kind, OWNER, NAME, runId, errorKind, errorMessage);
    }

    /** A started agent that notifies its owner, with the given failure limit (null: none), then {@code later}. */
    private static List<Object> notifying(Integer maxConsecutiveFailures, Object... later) {
        List<Object> events = new ArrayList<>();
        events.add(new AgentCreated(AGENT, OWNER, settings().maxConsecutiveFailures(maxConsecutiveFailures)
                .notify(NotifyPolicy.FAILURES).build()));
        events.add(new AgentStarted(AGENT));
        events.addAll(List.of(later));
        return events;
    }
}
