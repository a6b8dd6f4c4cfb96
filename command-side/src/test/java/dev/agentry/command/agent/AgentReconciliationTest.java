package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.RestoreAgentSchedule;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.command.api.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.FAILED_PRECONDITION;

/** The repairs reconciliation makes when Temporal lost a running agent's schedule. */
class AgentReconciliationTest {

    private static final String AGENT = "agent-1";
    private static final String OWNER = "user-owner";

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void restoringTheScheduleOfARunningAgentRecordsTheRepair() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new RestoreAgentSchedule(AGENT))
                .expectEvents(new AgentScheduleRestored(AGENT));
    }

    @Test
    void eachRestoreIsARepairOfItsOwn() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentScheduleRestored(AGENT))
                .when(new RestoreAgentSchedule(AGENT))
                .expectEvents(new AgentScheduleRestored(AGENT));
    }

    @Test
    void aStoppedAgentHasNoScheduleToRestore() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentStopped(AGENT, StopReason.USER))
                .when(new RestoreAgentSchedule(AGENT))
                .expectNoEvents()
                .expectException(rejected(FAILED_PRECONDITION,
                        "agent 'agent-1' is STOPPED; only a running agent's schedule can be restored"));
    }

    @Test
    void aDeletedAgentHasNoScheduleToRestore() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(new RestoreAgentSchedule(AGENT))
                .expectNoEvents()
                .expectException(rejected(FAILED_PRECONDITION,
                        "agent 'agent-1' is DELETED; only a running agent's schedule can be restored"));
    }

    @Test
    void aRunningAgentWithoutAScheduleInTemporalIsStoppedAsOrphaned() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new StopOrphanedAgent(AGENT))
                .expectEvents(new AgentStopped(AGENT, StopReason.ORPHANED));
    }

    @Test
    void stoppingAnOrphanThatIsAlreadyStoppedChangesNothing() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentStopped(AGENT, StopReason.ORPHANED))
                .when(new StopOrphanedAgent(AGENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void stoppingAnOrphanThatWasDeletedChangesNothing() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(new StopOrphanedAgent(AGENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, OWNER, settings().build());
    }
}
