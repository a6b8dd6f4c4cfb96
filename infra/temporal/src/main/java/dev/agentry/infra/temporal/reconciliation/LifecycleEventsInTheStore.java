package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.reconciliation.LifecycleEvents;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads events of the asked types straight from the event table, filtered by its payload type column, so that
 * PostgreSQL hands over only those rows: the runs, most of the store, are neither sent nor deserialized.
 */
final class LifecycleEventsInTheStore implements LifecycleEvents {

    private final JdbcClient jdbc;
    private final Serializer eventSerializer;

    LifecycleEventsInTheStore(JdbcClient jdbc, Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readAll(Set<Class<?>> payloadTypes) {
        Stream<TrackedDomainEventData<byte[]>> rows = jdbc.sql("""
                        SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        FROM domain_event_entry
                        WHERE payload_type IN (:types)
                        ORDER BY global_index
                        """)
                .param("types", payloadTypes.stream().map(Class::getName).toList())
                .query((row, rowNumber) -> new TrackedDomainEventData<>(
                        new GlobalSequenceTrackingToken(row.getLong("global_index")),
                        new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                                row.getLong("sequence_number"), row.getString("event_identifier"),
                                row.getString("time_stamp"), row.getString("payload_type"),
                                row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data"))))
                .stream();
        return EventUtils.upcastAndDeserializeTrackedEvents(rows, eventSerializer, NoOpEventUpcaster.INSTANCE)
                .onClose(rows::close);
    }
}
