package dev.agentry.infra.postgres.readmodel;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Rebuilds every read model from the event store: each projection processor stops, its
 * {@code @ResetHandler}s clear its tables, and it replays from the first event until it reaches the
 * event store's highest global index (isReplaying() alone stays true until a newer event arrives).
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final LocalProcessorPositions positions;

    ProjectionRebuild(LocalProcessorPositions positions) {
        this.positions = positions;
    }

    /** @return the names of the rebuilt read-model processors */
    public List<String> rebuildAll(Duration timeout) {
        List<StreamingEventProcessor> processors = positions.readModelProcessors();
        for (StreamingEventProcessor processor : processors) {
            restartFromTheBeginning(processor);
        }
        long target = positions.highestGlobalIndex();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (StreamingEventProcessor processor : processors) {
            while (!LocalProcessorPositions.hasReached(processor, target)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read model '" + processor.getName()
                            + "' did not finish its rebuild within " + timeout);
                }
                pause();
            }
            log.info("Read model '{}' rebuilt up to event {}", processor.getName(), target);
        }
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    private static void restartFromTheBeginning(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + processor.getName(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop " + processor.getName(), e.getCause());
        }
        processor.resetTokens();
        processor.start();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the rebuild", e);
        }
    }
}
