package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.RunReports.AGENT;
import static dev.agentry.command.agent.RunReports.FINISHED;
import static dev.agentry.command.agent.RunReports.STARTED;
import static dev.agentry.command.agent.RunReports.failed;
import static dev.agentry.command.agent.RunReports.failure;
import static dev.agentry.command.agent.RunReports.ran;
import static dev.agentry.command.agent.RunReports.skip;
import static dev.agentry.command.agent.RunReports.skipped;
import static dev.agentry.command.agent.RunReports.success;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;
import static dev.agentry.command.api.RejectionCode.NOT_FOUND;

/** Manual run requests and the outcomes the platform records, each once. */
class AgentRunsTest {

    private static final String OWNER = "user-owner";
    private static final String STRANGER = "user-stranger";

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void theOwnerCanRunARunningAgentNow() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new RequestAgentRun(AGENT, OWNER, "run-manual-1"))
                .expectEvents(new AgentRunRequested(AGENT, "run-manual-1"));
    }

    @Test
    void aStoppedAgentCanStillBeRunByHand() {
        fixture.given(created())
                .when(new RequestAgentRun(AGENT, OWNER, "run-manual-1"))
                .expectEvents(new AgentRunRequested(AGENT, "run-manual-1"));
    }

    @Test
    void aStrangerCannotRunSomeoneElsesAgent() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new RequestAgentRun(AGENT, STRANGER, "run-manual-1"))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, "agent 'agent-1' not found"));
    }

    @Test
    void aDeletedAgentCannotBeRun() {
        fixture.given(created(), new AgentDeleted(AGENT))
                .when(new RequestAgentRun(AGENT, OWNER, "run-manual-1"))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, "agent 'agent-1' not found"));
    }

    @Test
    void aRunRequestNeedsARunId() {
        fixture.given(created())
                .when(new RequestAgentRun(AGENT, OWNER, " "))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "run_id is required"));
    }

    @Test
    void askingAgainWithTheSameRunIdChangesNothing() {
        fixture.given(created(), new AgentRunRequested(AGENT, "run-manual-1"))
                .when(new RequestAgentRun(AGENT, OWNER, "run-manual-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void askingForARunWhoseOutcomeIsRecordedChangesNothing() {
        fixture.given(created(), ran("run-manual-1"))
                .when(new RequestAgentRun(AGENT, OWNER, "run-manual-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuccessfulRunIsRecordedWithEveryDetail() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(success("run-1"))
                .expectEvents(ran("run-1"));
    }

    @Test
    void aFailedRunIsRecordedWithItsError() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(failure("run-1"))
                .expectEvents(failed("run-1"));
    }

    @Test
    void aSkippedFireIsRecordedWithItsReason() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(skip("run-1"))
                .expectEvents(skipped("run-1"));
    }

    @Test
    void theOutcomeOfARequestedRunIsRecorded() {
        fixture.given(created(), new AgentRunRequested(AGENT, "run-manual-1"))
                .when(new RecordAgentRun(AGENT, "run-manual-1", RunTrigger.MANUAL, null, STARTED, FINISHED,
                        "claude-sonnet", 10, 20, "done", null))
                .expectEvents(new AgentRan(AGENT, "run-manual-1", RunTrigger.MANUAL, null, STARTED, FINISHED,
                        "claude-sonnet", 10, 20, "done", null));
    }

    @Test
    void aSuccessReportedTwiceIsRecordedOnce() {
        fixture.given(created(), new AgentStarted(AGENT), ran("run-1"))
                .when(success("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailureReportedTwiceIsRecordedOnce() {
        fixture.given(created(), new AgentStarted(AGENT), failed("run-1"))
                .when(failure("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSkipReportedTwiceIsRecordedOnce() {
        fixture.given(created(), new AgentStarted(AGENT), skipped("run-1"))
                .when(skip("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRunHasOneOutcomeWhateverIsReportedLater() {
        fixture.given(created(), new AgentStarted(AGENT), skipped("run-1"))
                .when(failure("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRunThatFinishesAfterTheAgentStoppedIsStillRecorded() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentStopped(AGENT, StopReason.USER))
                .when(success("run-1"))
                .expectEvents(ran("run-1"));
    }

    @Test
    void aSuccessAfterDeletionIsAcceptedAndForgotten() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(success("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailureAfterDeletionIsAcceptedAndForgotten() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(failure("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSkipAfterDeletionIsAcceptedAndForgotten() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(skip("run-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLastRunIdsUpToTheWindowAreRemembered() {
        fixture.given(createdAndRan(RecentRunIds.CAPACITY))
                .when(success("run-0"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRunIdOlderThanTheWindowIsForgotten() {
        fixture.given(createdAndRan(RecentRunIds.CAPACITY + 1))
                .when(success("run-0"))
                .expectEvents(ran("run-0"));
    }

    private static List<Object> createdAndRan(int runs) {
        List<Object> events = new ArrayList<>();
        events.add(created());
        for (int i = 0; i < runs; i++) {
            events.add(ran("run-" + i));
        }
        return events;
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, OWNER, settings().build());
    }
}
