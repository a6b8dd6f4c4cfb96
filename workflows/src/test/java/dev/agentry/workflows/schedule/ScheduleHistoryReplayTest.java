package dev.agentry.workflows.schedule;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays recorded schedule histories against the current code, so that a change that would break
 * schedules already running (non-determinism) fails the build. The histories are recorded by the
 * schedule tests when run with {@code -Drecord.histories=true}; a deliberate incompatible change must be
 * guarded with {@code Workflow.getVersion} rather than by recording them anew.
 */
class ScheduleHistoryReplayTest {

    @TestFactory
    Stream<DynamicTest> everyRecordedScheduleHistoryReplaysOnTheCurrentCode() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(getClass().getResource("/histories")).toURI());
        List<Path> histories;
        try (Stream<Path> files = Files.list(folder)) {
            histories = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(histories).hasSizeGreaterThanOrEqualTo(10);
        return histories.stream().map(history -> DynamicTest.dynamicTest(history.getFileName().toString(), () ->
                WorkflowReplayer.replayWorkflowExecution(Files.readString(history), AgentScheduleWorkflowImpl.class)));
    }
}
