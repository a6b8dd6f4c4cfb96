package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Optional;

/**
 * An agent's owner and settings read from its own events, so a run sees the settings it was started under
 * even when the read models lag behind.
 */
@Component
class EventSourcedAgents {

    /** An agent that exists and is not deleted. */
    record LiveAgent(String ownerId, AgentSettings settings) {
    }

    private final EventStore events;

    EventSourcedAgents(EventStore events) {
        this.events = events;
    }

    /** Empty for an unknown or deleted agent. */
    Optional<LiveAgent> find(String agentId) {
        String ownerId = null;
        AgentSettings settings = null;
        // from 0 rather than readEvents(id): a snapshot would hide the events that carry the owner and settings
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(agentId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof AgentCreated created) {
                ownerId = created.ownerId();
                settings = created.settings();
            } else if (event instanceof AgentReconfigured reconfigured) {
                settings = reconfigured.settings();
            } else if (event instanceof AgentDeleted) {
                return Optional.empty();
            }
        }
        return ownerId == null ? Optional.empty() : Optional.of(new LiveAgent(ownerId, settings));
    }
}
