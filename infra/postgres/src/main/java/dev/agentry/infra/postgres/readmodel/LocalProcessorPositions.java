package dev.agentry.infra.postgres.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where this node's read-model processors stand. When they hold every segment (one node, or a rebuild),
 * their positions tell without asking the database whether the read models include an event.
 */
@Component
class LocalProcessorPositions {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final ProjectionProperties properties;

    LocalProcessorPositions(JdbcClient jdbc, EventProcessingConfiguration processing, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.properties = properties;
    }

    /** One look at the segments this node's read-model processors hold and where each stands. */
    Segments segments() {
        return new Segments(readModelProcessors().stream()
                .collect(Collectors.toMap(StreamingEventProcessor::getName, processor -> processor.processingStatus().values(),
                        (first, second) -> first, LinkedHashMap::new)));
    }

    /** The statuses of this node's segments by read-model processor, taken at one moment. */
    record Segments(Map<String, Collection<EventTrackerStatus>> byProcessor) {

        /** True when this node holds every segment of every read model (one node, or a rebuild). */
        boolean holdEverySegment() {
            return !byProcessor.isEmpty() && byProcessor.values().stream().allMatch(LocalProcessorPositions::coverTheStream);
        }

        /** True when this node's processors hold every segment of every read model and are all at or past the event. */
        boolean allHeldAndReached(long globalIndex) {
            return byProcessor.values().stream().allMatch(statuses -> reached(statuses, globalIndex));
        }
    }

    /** The read-model processors, the same set that a projection rebuild replays. */
    List<StreamingEventProcessor> readModelProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> !properties.notReadModels().contains(processor.getName()))
                .toList();
    }

    long highestGlobalIndex() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /** True when this node's processor has claimed segments that together cover the whole stream. */
    static boolean holdsEverySegment(StreamingEventProcessor processor) {
        return coverTheStream(processor.processingStatus().values());
    }

    private static boolean coverTheStream(Collection<EventTrackerStatus> statuses) {
        double coveredFraction = 0;
        for (EventTrackerStatus status : statuses) {
            coveredFraction += 1.0 / (status.getSegment().getMask() + 1);
        }
        return coveredFraction > 0.999;
    }

    /** True when the processor's claimed segments cover the whole stream and all have handled the event at {@code target}. */
    static boolean hasReached(StreamingEventProcessor processor, long target) {
        // one snapshot of the statuses for both checks: a segment claimed in between must be at the target too
        return reached(processor.processingStatus().values(), target);
    }

    private static boolean reached(Collection<EventTrackerStatus> statuses, long target) {
        if (target == 0) {
            return true;
        }
        return statuses.stream().allMatch(status -> hasHandled(status.getTrackingToken(), target)) && coverTheStream(statuses);
    }

    /**
     * Not a position at or past the event: an event committed after a later one is a gap in the token until the
     * processor has handled it, while the token already stands past it. Nor {@link TrackingToken#covers}, which
     * also asks for every earlier gap, and so would wait for an event that never commits (a rolled-back append
     * leaves a gap in the global index that the token keeps for thousands of events).
     */
    static boolean hasHandled(TrackingToken token, long globalIndex) {
        if (token == null) {
            return false;
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(gapAware -> gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex))
                .orElseGet(() -> token.position().orElse(-1) >= globalIndex);
    }

    /**
     * Waits, looking every {@code poll}, until every processor {@link #hasReached has reached} the event.
     *
     * @return false when {@code timeout} passed first
     */
    static boolean awaitAllReached(List<StreamingEventProcessor> processors, long target, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processors.stream().allMatch(processor -> hasReached(processor, target))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models to reach event " + target, e);
            }
        }
        return true;
    }
}
