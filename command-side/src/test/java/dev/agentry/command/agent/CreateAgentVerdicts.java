package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.RejectionCode;
import org.axonframework.test.aggregate.AggregateTestFixture;

import static dev.agentry.command.RejectedCommand.rejected;

/** Whether a new agent is created from the given settings, each time on a fresh aggregate. */
final class CreateAgentVerdicts {

    private static final String AGENT = "agent-1";
    private static final String OWNER = "user-owner";

    private CreateAgentVerdicts() {
    }

    static void accepted(SettingsBuilder settings) {
        AgentSettings valid = settings.build();
        new AggregateTestFixture<>(Agent.class).givenNoPriorActivity()
                .when(new CreateAgent(AGENT, OWNER, valid))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgentCreated(AGENT, OWNER, valid));
    }

    static void rejectedBecause(SettingsBuilder settings, String message) {
        new AggregateTestFixture<>(Agent.class).givenNoPriorActivity()
                .when(new CreateAgent(AGENT, OWNER, settings.build()))
                .expectNoEvents()
                .expectException(rejected(RejectionCode.INVALID_ARGUMENT, message));
    }
}
