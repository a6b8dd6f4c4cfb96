package dev.agentry.infra.postgres.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentry.event-store.*}.
 *
 * @param agentEventsPerSnapshot an agent is snapshotted after this many events and loaded from its latest
 *                               snapshot; 0 for never
 */
@ConfigurationProperties("agentry.event-store")
public record EventStoreProperties(@DefaultValue("100") int agentEventsPerSnapshot) {

    public EventStoreProperties {
        if (agentEventsPerSnapshot < 0) {
            throw new IllegalArgumentException("agentry.event-store.agent-events-per-snapshot must be 0 (never) or more, not "
                    + agentEventsPerSnapshot);
        }
    }
}
