package dev.agentry.infra.postgres.readmodel;

import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Read-your-writes across nodes. A read model includes an aggregate's event once the segment of its processor
 * that owns the aggregate, on whichever node holds it, has a token covering the event's global index; it includes
 * every event stored so far once all its segments have. The tokens are in the shared token store. When this
 * node's processors hold every segment, their positions answer without a query.
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
    private static final int RECENT_EVENTS = 16;

    private final JdbcClient jdbc;
    private final Serializer tokenSerializer;
    private final LocalProcessorPositions local;
    private final ProjectionProperties properties;
    private final Map<String, Optional<Class<?>>> payloadClasses = new ConcurrentHashMap<>();

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

    /**
     * Where another node holds segments, only the segment that owns the aggregate (the processors sequence events
     * per aggregate) has to include its events, and only in the processors that handle them: a segment stores its
     * position for events it only skips up to a second later, so waiting for every segment made each write on
     * several nodes wait that second.
     */
    @Override
    public boolean awaitLatestEventOf(String aggregateId) {
        List<StoredEvent> recent = jdbc.sql("SELECT global_index, payload_type FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT " + RECENT_EVENTS)
                .param(aggregateId).query((row, number) -> new StoredEvent(row.getLong(1), row.getString(2))).list();
        if (recent.isEmpty()) {
            return true;
        }
        long latest = recent.get(0).globalIndex();
        Map<String, Long> required = positionsToInclude(recent);
        return pollUntil(segments -> segments.allHeldAndReached(latest)
                || !segments.holdEverySegment() && ownSegmentsInclude(aggregateId, required, segments),
                properties.readYourWritesTimeout());
    }

    private record StoredEvent(long globalIndex, String payloadType) {
    }

    /**
     * For each read model, the latest of the aggregate's recent events that it handles; a read model that handles
     * none of them has nothing of this write to include. A command appends far fewer than {@link #RECENT_EVENTS}.
     */
    private Map<String, Long> positionsToInclude(List<StoredEvent> recentFirst) {
        Map<String, Long> required = new HashMap<>();
        for (StreamingEventProcessor processor : local.readModelProcessors()) {
            recentFirst.stream().filter(event -> handles(processor, event.payloadType())).findFirst()
                    .ifPresent(event -> required.put(processor.getName(), event.globalIndex()));
        }
        return required;
    }

    private boolean handles(StreamingEventProcessor processor, String payloadType) {
        if (!(processor instanceof AbstractEventProcessor handling)) {
            return true;
        }
        return payloadClasses.computeIfAbsent(payloadType, TokenStoreFreshness::payloadClass)
                .map(type -> handling.eventHandlerInvoker().canHandleType(type))
                .orElse(true);
    }

    private static Optional<Class<?>> payloadClass(String payloadType) {
        try {
            return Optional.of(Class.forName(payloadType, false, TokenStoreFreshness.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError unknown) {
            return Optional.empty();
        }
    }

    /** True when, in every read model with something to include, the segment owning the aggregate has it. */
    private boolean ownSegmentsInclude(String aggregateId, Map<String, Long> required,
                                       LocalProcessorPositions.Segments segments) {
        List<String> elsewhere = new ArrayList<>();
        for (Map.Entry<String, Long> processor : required.entrySet()) {
            Optional<EventTrackerStatus> held = segments.byProcessor().getOrDefault(processor.getKey(), List.of()).stream()
                    .filter(status -> status.getSegment().matches(aggregateId)).findFirst();
            if (held.isPresent()) {
                if (!LocalProcessorPositions.hasHandled(held.get().getTrackingToken(), processor.getValue())) {
                    return false;
                }
            } else {
                elsewhere.add(processor.getKey());
            }
        }
        if (elsewhere.isEmpty()) {
            return true;
        }
        Map<String, Map<Integer, TrackingToken>> stored = storedTokens(elsewhere);
        for (String processor : elsewhere) {
            Map<Integer, TrackingToken> tokens = stored.getOrDefault(processor, Map.of());
            int[] segmentIds = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
            boolean included = tokens.entrySet().stream()
                    .filter(token -> Segment.computeSegment(token.getKey(), segmentIds).matches(aggregateId))
                    .findFirst()
                    .map(token -> LocalProcessorPositions.hasHandled(token.getValue(), required.get(processor)))
                    .orElse(false);
            if (!included) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean awaitEventsUpTo(long globalIndex, Duration timeout) {
        return pollUntil(segments -> includes(globalIndex, segments), timeout);
    }

    /** Looks at this node's segments, one snapshot per look, until {@code included} holds or the timeout passes. */
    private boolean pollUntil(Predicate<LocalProcessorPositions.Segments> included, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL.toMillis();
        while (true) {
            LocalProcessorPositions.Segments segments = local.segments();
            if (included.test(segments)) {
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
        Map<String, Map<Integer, TrackingToken>> stored = storedTokens(processors);
        // a processor without any segment yet has not started: it includes nothing
        return processors.stream().allMatch(name -> {
            Map<Integer, TrackingToken> tokens = stored.getOrDefault(name, Map.of());
            return !tokens.isEmpty() && tokens.values().stream()
                    .allMatch(token -> LocalProcessorPositions.hasHandled(token, globalIndex));
        });
    }

    /** The shared token store's tokens of the processors, by processor and segment (a null token: none yet). */
    private Map<String, Map<Integer, TrackingToken>> storedTokens(List<String> processors) {
        Map<String, Map<Integer, TrackingToken>> stored = new HashMap<>();
        jdbc.sql("SELECT processor_name, segment, token, token_type FROM token_entry WHERE processor_name IN (:names)")
                .param("names", processors)
                .query(row -> {
                    stored.computeIfAbsent(row.getString("processor_name"), name -> new HashMap<>())
                            .put(row.getInt("segment"), token(row.getBytes("token"), row.getString("token_type")));
                });
        return stored;
    }

    private TrackingToken token(byte[] serialized, String type) {
        if (serialized == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
    }
}
