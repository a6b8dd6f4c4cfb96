package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.agentry.command.agent.RunReports.AGENT;
import static dev.agentry.command.agent.RunReports.failed;
import static dev.agentry.command.agent.RunReports.failure;
import static dev.agentry.command.agent.RunReports.ran;
import static dev.agentry.command.agent.RunReports.skipped;
import static dev.agentry.command.agent.SettingsBuilder.settings;

/** An agent with a failure limit of 3 stops after its third failed run in a row. */
class AgentFailureLimitTest {

    private static final String OWNER = "user-owner";

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void failuresBelowTheLimitKeepTheAgentRunning() {
        fixture.given(running(3, failed("run-1")))
                .when(failure("run-2"))
                .expectEvents(failed("run-2"));
    }

    @Test
    void theFailureThatReachesTheLimitStopsTheAgent() {
        fixture.given(running(3, failed("run-1"), failed("run-2")))
                .when(failure("run-3"))
                .expectEvents(failed("run-3"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void aLimitOfOneStopsAtTheFirstFailure() {
        fixture.given(running(1))
                .when(failure("run-1"))
                .expectEvents(failed("run-1"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        fixture.given(running(3, failed("run-1"), failed("run-2"), ran("run-3"), failed("run-4")))
                .when(failure("run-5"))
                .expectEvents(failed("run-5"));
    }

    @Test
    void afterASuccessTheLimitCountsFromZero() {
        fixture.given(running(3, failed("run-1"), failed("run-2"), ran("run-3"), failed("run-4"), failed("run-5")))
                .when(failure("run-6"))
                .expectEvents(failed("run-6"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void aSkippedFireNeitherCountsNorBreaksTheStreak() {
        fixture.given(running(3, failed("run-1"), skipped("run-2"), failed("run-3")))
                .when(failure("run-4"))
                .expectEvents(failed("run-4"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void withoutALimitTheAgentNeverStops() {
        List<Object> history = running(null);
        for (int i = 0; i < 20; i++) {
            history.add(failed("run-" + i));
        }
        fixture.given(history)
                .when(failure("run-20"))
                .expectEvents(failed("run-20"));
    }

    @Test
    void reachingTheLimitWhileStoppedStopsNothing() {
        fixture.given(running(3, failed("run-1"), failed("run-2"), new AgentStopped(AGENT, StopReason.USER)))
                .when(failure("run-3"))
                .expectEvents(failed("run-3"));
    }

    @Test
    void startingTheAgentAgainGivesItAFreshAllowance() {
        fixture.given(running(3, failed("run-1"), failed("run-2"), failed("run-3"),
                        new AgentStopped(AGENT, StopReason.FAILURE_LIMIT), new AgentStarted(AGENT)))
                .when(failure("run-4"))
                .expectEvents(failed("run-4"));
    }

    @Test
    void loweringTheLimitBelowTheStreakStopsAtTheNextFailure() {
        fixture.given(running(null, failed("run-1"), failed("run-2"), failed("run-3"),
                        new AgentReconfigured(AGENT, settings().maxConsecutiveFailures(2).build())))
                .when(failure("run-4"))
                .expectEvents(failed("run-4"), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT));
    }

    @Test
    void aRepeatedReportOfTheFailureThatStoppedTheAgentChangesNothing() {
        fixture.given(running(3, failed("run-1"), failed("run-2"), failed("run-3"),
                        new AgentStopped(AGENT, StopReason.FAILURE_LIMIT)))
                .when(failure("run-3"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** A started agent with the given limit (null: none), then {@code later}. */
    private static List<Object> running(Integer maxConsecutiveFailures, Object... later) {
        List<Object> events = new ArrayList<>();
        events.add(new AgentCreated(AGENT, OWNER, settings().maxConsecutiveFailures(maxConsecutiveFailures).build()));
        events.add(new AgentStarted(AGENT));
        events.addAll(List.of(later));
        return events;
    }
}
