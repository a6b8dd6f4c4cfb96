package dev.agentry.infra.postgres.readmodel;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes across nodes. A read model includes an event once every segment of its processor, on
 * whichever node holds it, has a token covering the event's global index; the tokens are in the shared
 * token store. When this node's processors hold every segment, their positions answer without a query.
 */
@Component
class TokenStoreFreshness implements ReadModelFreshness {

    private static final Duration FIRST_POLL = Duration.ofMillis(2);
    private static final Duration LONGEST_POLL = Duration.ofMillis(50);
    /**
     * When this node holds every segment, a look costs no query: looking every millisecond answers as soon as the
     * processors have the event instead of up to half a backed-off pause later.
     */
    private static final Duration LOCAL_POLL = Duration.ofMillis(1);

    private final JdbcClient jdbc;
    private final Serializer tokenSerializer;
    private final LocalProcessorPositions local;
    private final ProjectionProperties properties;

    TokenStoreFreshness(JdbcClient jdbc, @Qualifier("serializer") Serializer tokenSerializer,
                        LocalProcessorPositions local, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.local = local;
        this.properties = properties;
    }

    @Override
    public void awaitEventsStoredSoFar() {
        if (!awaitEventsUpTo(local.highestGlobalIndex(), properties.readYourWritesTimeout())) {
            throw new ReadModelLagException("the read models have not caught up with the event store within "
                    + properties.readYourWritesTimeout());
        }
    }

    @Override
    public boolean awaitLatestEventOf(String aggregateId) {
        long latest = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
        return awaitEventsUpTo(latest, properties.readYourWritesTimeout());
    }

    @Override
    public boolean awaitEventsUpTo(long globalIndex, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL.toMillis();
        while (true) {
            // one look at this node's segments per poll serves every check of it
            LocalProcessorPositions.Segments segments = local.segments();
            if (includes(globalIndex, segments)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            boolean local = segments.holdEverySegment();
            try {
                Thread.sleep(local ? LOCAL_POLL.toMillis() : pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!local) {
                pause = Math.min(pause * 2, LONGEST_POLL.toMillis());
            }
        }
    }

    private boolean includes(long globalIndex, LocalProcessorPositions.Segments segments) {
        if (globalIndex <= 0 || segments.allHeldAndReached(globalIndex)) {
            return true;
        }
        if (segments.holdEverySegment()) {
            // no other node has a say, so the shared tokens (at best as far as this node's) need no query
            return false;
        }
        // not empty: without read-model processors every event counts as included above
        List<String> processors = List.copyOf(segments.byProcessor().keySet());
        Map<String, Boolean> coveredByProcessor = new HashMap<>();
        jdbc.sql("SELECT processor_name, token, token_type FROM token_entry WHERE processor_name IN (:names)")
                .param("names", processors)
                .query(row -> {
                    TrackingToken token = token(row.getBytes("token"), row.getString("token_type"));
                    coveredByProcessor.merge(row.getString("processor_name"), LocalProcessorPositions.hasHandled(token, globalIndex),
                            Boolean::logicalAnd);
                });
        // a processor without any segment yet has not started: it includes nothing
        return processors.stream().allMatch(name -> coveredByProcessor.getOrDefault(name, false));
    }

    private TrackingToken token(byte[] serialized, String type) {
        if (serialized == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
    }
}
