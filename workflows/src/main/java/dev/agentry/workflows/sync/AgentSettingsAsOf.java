package dev.agentry.workflows.sync;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** An agent's settings as they were at one of its events, read from its own event stream. */
final class AgentSettingsAsOf {

    private final EventStore eventStore;

    AgentSettingsAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @throws IllegalStateException when no creation or reconfiguration precedes the event (a broken stream) */
    AgentSettings settings(String agentId, long sequenceNumber) {
        AgentSettings settings = null;
        // from 0 rather than readEvents(id): a snapshot would hide the events that carry the settings
        DomainEventStream events = eventStore.readEvents(agentId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() > sequenceNumber) {
                break;
            }
            if (event.getPayload() instanceof AgentCreated created) {
                settings = created.settings();
            } else if (event.getPayload() instanceof AgentReconfigured reconfigured) {
                settings = reconfigured.settings();
            }
        }
        if (settings == null) {
            throw new IllegalStateException("agent " + agentId + " has no settings at event " + sequenceNumber);
        }
        return settings;
    }
}
