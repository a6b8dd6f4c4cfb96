package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.StopReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;

class AgentLifecycleTest {

    private static final String AGENT = "agent-1";
    private static final String OWNER = "user-owner";
    private static final AgentSettings SETTINGS = settings().build();

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void creatingAnAgentRecordsItsOwnerAndFullSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgent(AGENT, OWNER, SETTINGS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgentCreated(AGENT, OWNER, SETTINGS));
    }

    @Test
    void creatingAnAgentStoresItsNameWithoutSurroundingSpaces() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgent(AGENT, OWNER, settings().name("  Daily digest \n").build()))
                .expectEvents(new AgentCreated(AGENT, OWNER, settings().name("Daily digest").build()));
    }

    @Test
    void creatingAnAgentWithoutAnOwnerIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgent(AGENT, " ", SETTINGS))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "owner is required"));
    }

    @Test
    void creatingAnAgentWithoutSettingsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgent(AGENT, OWNER, null))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "settings are required"));
    }

    @Test
    void aNewAgentIsStoppedSoStoppingItChangesNothing() {
        fixture.given(created())
                .when(new StopAgent(AGENT, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void startingAStoppedAgentStartsIt() {
        fixture.given(created())
                .when(new StartAgent(AGENT, OWNER))
                .expectEvents(new AgentStarted(AGENT));
    }

    @Test
    void startingARunningAgentChangesNothing() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new StartAgent(AGENT, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void stoppingARunningAgentStopsItAtTheOwnersRequest() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new StopAgent(AGENT, OWNER))
                .expectEvents(new AgentStopped(AGENT, StopReason.USER));
    }

    @Test
    void stoppingAStoppedAgentChangesNothing() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentStopped(AGENT, StopReason.USER))
                .when(new StopAgent(AGENT, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgentStoppedBySomethingElseCanBeStartedAgain() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentStopped(AGENT, StopReason.FAILURE_LIMIT))
                .when(new StartAgent(AGENT, OWNER))
                .expectEvents(new AgentStarted(AGENT));
    }

    @Test
    void deletingAStoppedAgentDeletesIt() {
        fixture.given(created())
                .when(new DeleteAgent(AGENT, OWNER))
                .expectEvents(new AgentDeleted(AGENT));
    }

    @Test
    void deletingARunningAgentDeletesItWithoutAStopEvent() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new DeleteAgent(AGENT, OWNER))
                .expectEvents(new AgentDeleted(AGENT));
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, OWNER, SETTINGS);
    }
}
