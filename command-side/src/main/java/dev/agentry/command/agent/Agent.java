package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.StartAgent;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UpdateAgent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agent's lifecycle and configuration. Only its owner sees it: to anyone else, and to everyone
 * once it is deleted, it answers exactly as an agent that never existed.
 */
@Aggregate
class Agent {

    @AggregateIdentifier
    private String agentId;
    private String ownerId;
    private AgentSettings settings;
    private AgentStatus status;

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
