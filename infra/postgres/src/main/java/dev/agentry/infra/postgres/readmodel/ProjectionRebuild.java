package dev.agentry.infra.postgres.readmodel;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rebuilds read models from the event store: the processor stops, its {@code @ResetHandler}s clear its tables,
 * and it replays from the first event until it reaches the event store's highest global index (isReplaying()
 * alone stays true until a newer event arrives). The operator's offline rebuild has one processor for all the
 * chosen read models (see {@link SharedReplayProperties}); a platform node, and the online rebuild, replay each
 * read model's own processor.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(20);

    /**
     * How far a rebuild has come.
     *
     * @param replayed events behind the slowest rebuilt processor (the store's global index it has reached)
     * @param total    the store's highest global index when the rebuild began
     */
    public record Progress(long replayed, long total, Duration elapsed) {

        /** Events per second so far. */
        public double rate() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : replayed / seconds;
        }

        /** The time left at the rate so far, or null before the first event. */
        public Duration remaining() {
            double rate = rate();
            return rate <= 0 ? null : Duration.ofMillis((long) ((total - replayed) / rate * 1000));
        }

        public boolean done() {
            return replayed >= total;
        }
    }

    private final LocalProcessorPositions positions;
    private final ShadowReadModels shadow;
    private final SharedReplayProperties shared;
    private final SharedReplayTokens sharedTokens;

    ProjectionRebuild(LocalProcessorPositions positions, ShadowReadModels shadow, SharedReplayProperties shared,
                      SharedReplayTokens sharedTokens) {
        this.positions = positions;
        this.shadow = shadow;
        this.shared = shared;
        this.sharedTokens = sharedTokens;
    }

    /** The names of the read models that a rebuild can replay. */
    public Set<String> readModelNames() {
        Set<String> names = positions.readModelProcessors().stream().map(StreamingEventProcessor::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        if (shared.active()) {
            names.remove(SharedReplayConfiguration.PROCESSOR);
            names.addAll(shared.readModels());
        }
        return names;
    }

    /** @return the names of the rebuilt read-model processors */
    public List<String> rebuildAll(Duration timeout) {
        return rebuild(readModelNames(), timeout, Duration.ofSeconds(1), progress -> { });
    }

    /**
     * Rebuilds the named read models, telling {@code progress} every {@code interval} and once at the end.
     *
     * @return the names of the rebuilt read-model processors
     * @throws IllegalArgumentException naming what is not a read model
     */
    public List<String> rebuild(Set<String> names, Duration timeout, Duration interval, Consumer<Progress> progress) {
        if (shared.active()) {
            return rebuildTogether(names, timeout, interval, progress);
        }
        List<StreamingEventProcessor> processors = chosen(names);
        replay(processors, true, timeout, interval, progress, () -> { });
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    /**
     * The read models' own tokens are claimed first (so no node replays beside the rebuild) and set to replay from
     * the start (so a rebuild that dies midway leaves read models that their processors rebuild); the shared
     * processor then clears their tables and replays once for all of them, and its position becomes theirs.
     */
    private List<String> rebuildTogether(Set<String> names, Duration timeout, Duration interval,
                                         Consumer<Progress> progress) {
        if (!names.equals(Set.copyOf(shared.readModels()))) {
            throw new IllegalArgumentException("this process was started to rebuild " + shared.readModels()
                    + " together, not " + names);
        }
        StreamingEventProcessor together = positions.readModelProcessors().stream()
                .filter(processor -> processor.getName().equals(SharedReplayConfiguration.PROCESSOR))
                .findFirst().orElseThrow(() -> new IllegalStateException("the shared replay processor is missing"));
        List<String> readModels = List.copyOf(new TreeSet<>(names));
        long deadline = System.nanoTime() + timeout.toNanos();
        SharedReplayTokens.Claimed claimed = null;
        try {
            claimed = sharedTokens.claimForReplay(readModels, deadline, timeout);
            replay(List.of(together), true, timeout, interval, progress, claimed::extend);
            // a segment's status moves on once its batch committed, or past events that were not its own, which
            // its stored token only catches up with later
            TrackingToken reached = together.processingStatus().values().stream()
                    .map(status -> WrappedToken.unwrapLowerBound(status.getTrackingToken()))
                    .reduce(TrackingToken::lowerBound).orElseThrow();
            stop(together);
            sharedTokens.removeSharedProcessorTokens();
            claimed.handOver(reached);
        } catch (RuntimeException failed) {
            // the read models keep the tokens they had, or, past the claim, replay from the start on their node
            try {
                stop(together);
                sharedTokens.removeSharedProcessorTokens();
                if (claimed != null) {
                    claimed.release();
                }
            } catch (RuntimeException cleaningUp) {
                failed.addSuppressed(cleaningUp);
            }
            throw failed;
        }
        readModels.forEach(readModel -> log.info("Read model '{}' rebuilt", readModel));
        return readModels;
    }

    /**
     * Rebuilds the read models this process was started to rebuild online (see {@link ShadowReadModels}) while the
     * platform keeps serving them, then switches the platform to them in one transaction.
     *
     * @param switchTimeout how long the switch may hold the live tables while the rebuild catches up with them
     * @return the names of the rebuilt read-model processors
     */
    public List<String> rebuildOnline(Duration timeout, Duration switchTimeout, Duration interval,
                                      Consumer<Progress> progress) {
        if (!shadow.active()) {
            throw new IllegalStateException("this process was not started for an online rebuild");
        }
        List<StreamingEventProcessor> processors = chosen(shadow.readModels());
        // the shadow's tokens start empty and its tables empty: the processors already replay from the first event
        replay(processors, false, timeout, interval, progress, () -> { });
        long head = positions.highestGlobalIndex();
        if (!LocalProcessorPositions.awaitAllReached(processors, head, timeout, POLL)) {
            throw new IllegalStateException("the read models did not reach event " + head + " within " + timeout);
        }
        shadow.switchOver(processors, switchTimeout);
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    private List<StreamingEventProcessor> chosen(Set<String> names) {
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(readModelNames());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not a read model: " + String.join(", ", unknown)
                    + " (the read models are " + String.join(", ", readModelNames()) + ")");
        }
        return positions.readModelProcessors().stream()
                .filter(processor -> names.contains(processor.getName())).toList();
    }

    /** @param whileReplaying called between looks at the processors, as often as progress is reported */
    private void replay(List<StreamingEventProcessor> processors, boolean fromTheBeginning, Duration timeout,
                        Duration interval, Consumer<Progress> progress, Runnable whileReplaying) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        // a processor stopped while it still claims its segments at start-up can leave a claim behind that its
        // restart then waits for: each restarts once it holds its segments
        for (StreamingEventProcessor processor : processors) {
            awaitEverySegmentHeld(processor, deadline, timeout);
        }
        long target = positions.highestGlobalIndex();
        if (fromTheBeginning) {
            restartFromTheBeginning(processors);
        }
        long nextReport = started;
        for (;;) {
            long replayed = processors.stream().mapToLong(processor -> reached(processor, target)).min().orElse(target);
            long now = System.nanoTime();
            boolean done = processors.stream().allMatch(processor -> LocalProcessorPositions.hasReached(processor, target));
            if (done || now >= nextReport) {
                progress.accept(new Progress(done ? target : replayed, target, Duration.ofNanos(now - started)));
                nextReport = now + interval.toNanos();
                whileReplaying.run();
            }
            if (done) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("the read models did not finish their rebuild within " + timeout
                        + " (" + replayed + " of " + target + " events replayed)");
            }
            pause();
        }
        processors.forEach(processor -> log.info("Read model '{}' rebuilt up to event {}", processor.getName(), target));
    }

    private static void awaitEverySegmentHeld(StreamingEventProcessor processor, long deadline, Duration timeout) {
        while (!LocalProcessorPositions.holdsEverySegment(processor)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read model '" + processor.getName() + "' could not claim every"
                        + " segment within " + timeout + ": another process holds some of them");
            }
            pause();
        }
    }

    /** The global index every claimed segment of the processor has reached, capped at the target. */
    private static long reached(StreamingEventProcessor processor, long target) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        return statuses.stream().mapToLong(status -> Math.min(target, status.getCurrentPosition().orElse(0)))
                .min().orElse(0);
    }

    /** Stopped together: each takes up to its event-availability timeout to notice. */
    private static void restartFromTheBeginning(List<StreamingEventProcessor> processors) {
        stop(processors.toArray(StreamingEventProcessor[]::new));
        for (StreamingEventProcessor processor : processors) {
            // the first event, not the processor's initial token (which for the shared replay is the head)
            processor.resetTokens(StreamableMessageSource::createTailToken);
            processor.start();
        }
    }

    private static void stop(StreamingEventProcessor... processors) {
        List<CompletableFuture<Void>> stopped = Stream.of(processors).map(StreamingEventProcessor::shutdownAsync).toList();
        try {
            CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the read models' processors", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop the read models' processors", e.getCause());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the rebuild", e);
        }
    }
}
