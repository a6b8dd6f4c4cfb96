package dev.agentry.infra.postgres.readmodel;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Whether a processor's in-memory statuses say that it has handled an event: what read-your-writes relies on. */
class LocalProcessorPositionsTest {

    @Test
    void anEventStillAGapInTheTokenIsNotReachedThoughTheTokenStandsPastIt() {
        // event 7 was committed after event 10: the processor has handled 10 but not yet 7
        StreamingEventProcessor processor = processorWith(Map.of(Segment.ROOT_SEGMENT, tokenAt(10, 7L)));

        assertThat(LocalProcessorPositions.hasReached(processor, 7)).isFalse();
        assertThat(LocalProcessorPositions.hasReached(processor, 6)).isTrue();
        assertThat(LocalProcessorPositions.hasReached(processor, 11)).isFalse();
    }

    @Test
    void aGapBeforeTheEventDoesNotHoldItUp() {
        // index 7 may never be an event (a rolled-back append): event 10 is handled all the same
        StreamingEventProcessor processor = processorWith(Map.of(Segment.ROOT_SEGMENT, tokenAt(10, 7L)));

        assertThat(LocalProcessorPositions.hasReached(processor, 10)).isTrue();
        assertThat(LocalProcessorPositions.hasReached(processor, 8)).isTrue();
    }

    @Test
    void aReplayingProcessorHasHandledWhatItsCurrentTokenHas() {
        TrackingToken replaying = ReplayToken.createReplayToken(tokenAt(30), tokenAt(10, 7L));

        assertThat(LocalProcessorPositions.hasHandled(replaying, 10)).isTrue();
        assertThat(LocalProcessorPositions.hasHandled(replaying, 7)).isFalse();
        assertThat(LocalProcessorPositions.hasHandled(replaying, 11)).isFalse();
    }

    @Test
    void everySegmentMustBeClaimedAndPastTheEvent() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Map<Segment, TrackingToken> oneHalf = Map.of(halves[0], tokenAt(20));
        Map<Segment, TrackingToken> bothHalves = new HashMap<>(oneHalf);
        bothHalves.put(halves[1], tokenAt(12));

        assertThat(LocalProcessorPositions.hasReached(processorWith(oneHalf), 5)).as("half the stream claimed").isFalse();
        assertThat(LocalProcessorPositions.hasReached(processorWith(bothHalves), 12)).isTrue();
        assertThat(LocalProcessorPositions.hasReached(processorWith(bothHalves), 13)).as("one half behind").isFalse();
    }

    @Test
    void aSegmentWithoutATokenHasReachedNothingButTheStartOfTheStream() {
        Map<Segment, TrackingToken> noToken = new HashMap<>();
        noToken.put(Segment.ROOT_SEGMENT, null);
        StreamingEventProcessor processor = processorWith(noToken);

        assertThat(LocalProcessorPositions.hasReached(processor, 1)).isFalse();
        assertThat(LocalProcessorPositions.hasReached(processor, 0)).isTrue();
    }

    private static TrackingToken tokenAt(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, new TreeSet<>(List.of(gaps)));
    }

    private static StreamingEventProcessor processorWith(Map<Segment, TrackingToken> tokens) {
        Map<Integer, EventTrackerStatus> statuses = new HashMap<>();
        tokens.forEach((segment, token) -> {
            EventTrackerStatus status = mock(EventTrackerStatus.class);
            when(status.getSegment()).thenReturn(segment);
            when(status.getTrackingToken()).thenReturn(token);
            statuses.put(segment.getSegmentId(), status);
        });
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(statuses);
        return processor;
    }
}
