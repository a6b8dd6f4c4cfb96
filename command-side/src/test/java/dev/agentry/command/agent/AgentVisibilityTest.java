package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.UpdateAgent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.NOT_FOUND;

/** Strangers, and everyone after deletion, get the answer for an agent that does not exist. */
class AgentVisibilityTest {

    private static final String AGENT = "agent-1";
    private static final String OWNER = "user-owner";
    private static final String STRANGER = "user-stranger";
    private static final String UNKNOWN_AGENT = "agent '" + AGENT + "' not found";

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void aStrangerCannotStartSomeoneElsesAgent() {
        fixture.given(created())
                .when(new StartAgent(AGENT, STRANGER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aStrangerCannotStopSomeoneElsesAgent() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new StopAgent(AGENT, STRANGER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aStrangerCannotUpdateSomeoneElsesAgent() {
        fixture.given(created())
                .when(new UpdateAgent(AGENT, STRANGER, renaming("Mine now")))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aStrangerLearnsNothingFromAnInvalidUpdate() {
        fixture.given(created())
                .when(new UpdateAgent(AGENT, STRANGER, renaming(" ")))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aStrangerCannotDeleteSomeoneElsesAgent() {
        fixture.given(created())
                .when(new DeleteAgent(AGENT, STRANGER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aCommandWithoutARequesterIsTreatedAsAStrangers() {
        fixture.given(created())
                .when(new StartAgent(AGENT, null))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aDeletedAgentCannotBeStarted() {
        fixture.given(created(), new AgentDeleted(AGENT))
                .when(new StartAgent(AGENT, OWNER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aDeletedAgentCannotBeStopped() {
        fixture.given(created(), new AgentStarted(AGENT), new AgentDeleted(AGENT))
                .when(new StopAgent(AGENT, OWNER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aDeletedAgentCannotBeUpdated() {
        fixture.given(created(), new AgentDeleted(AGENT))
                .when(new UpdateAgent(AGENT, OWNER, renaming("Back again")))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    @Test
    void aDeletedAgentCannotBeDeletedAgain() {
        fixture.given(created(), new AgentDeleted(AGENT))
                .when(new DeleteAgent(AGENT, OWNER))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, UNKNOWN_AGENT));
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, OWNER, settings().build());
    }

    private static AgentSettingsChange renaming(String name) {
        return new AgentSettingsChange(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
