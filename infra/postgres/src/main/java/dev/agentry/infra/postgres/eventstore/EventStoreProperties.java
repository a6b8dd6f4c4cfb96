package dev.agentry.infra.postgres.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.event-store.*}.
 *
 * @param agentEventsPerSnapshot an agent is snapshotted after this many events and loaded from its latest
 *                               snapshot; 0 for never
 * @param pollInterval           how soon a node with nothing to process looks again for events that other nodes
 *                               appended (its own appends it sees at once): a write on another node whose agent a
 *                               segment here owns is answered up to this much later. Each look costs about a
 *                               millisecond of CPU (node and database), so 100 ms is about 1% of a core on an idle
 *                               node, 25 ms about 5%
 */
@ConfigurationProperties("agentry.event-store")
public record EventStoreProperties(@DefaultValue("100") int agentEventsPerSnapshot,
                                   @DefaultValue("100ms") Duration pollInterval) {

    public EventStoreProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("agentry.event-store.poll-interval must be positive, not " + pollInterval);
        }
        if (agentEventsPerSnapshot < 0) {
            throw new IllegalArgumentException("agentry.event-store.agent-events-per-snapshot must be 0 (never) or more, not "
                    + agentEventsPerSnapshot);
        }
    }
}
