package dev.agentry.infra.postgres.readmodel;

import dev.agentry.infra.postgres.readmodel.ProjectionProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Waits until every read-model processor of this instance has processed up to the highest global
 * index in the event store.
 */
@Component
class ProcessorPositionFreshness implements ReadModelFreshness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final ProjectionProperties properties;

    ProcessorPositionFreshness(JdbcClient jdbc, EventProcessingConfiguration processing, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.properties = properties;
    }

    @Override
    public void awaitEventsStoredSoFar() {
        long target = highestGlobalIndex();
        long deadline = System.nanoTime() + properties.readYourWritesTimeout().toNanos();
        for (StreamingEventProcessor processor : readModelProcessors()) {
            while (!hasReached(processor, target)) {
                if (System.nanoTime() > deadline) {
                    throw new ReadModelLagException("read model '" + processor.getName()
                            + "' has not caught up with the event store within " + properties.readYourWritesTimeout());
                }
                sleep();
            }
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

    /** True when the processor's claimed segments cover the whole stream and all are at or past {@code target}. */
    static boolean hasReached(StreamingEventProcessor processor, long target) {
        if (target == 0) {
            return true;
        }
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        double coveredFraction = 0;
        for (EventTrackerStatus status : statuses) {
            if (status.getCurrentPosition().orElse(0) < target) {
                return false;
            }
            coveredFraction += 1.0 / (status.getSegment().getMask() + 1);
        }
        return coveredFraction > 0.999;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelLagException("interrupted while waiting for the read models");
        }
    }
}
