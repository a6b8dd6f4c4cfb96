package dev.agentry.workflows.run;

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
 * Replays recorded run histories against the current code, so that a change that would break runs in
 * progress (non-determinism) fails the build. The histories are recorded by {@link AgentRunWorkflowTest}
 * when run with {@code -Drecord.histories=true}; a deliberate incompatible change must be guarded with
 * {@code Workflow.getVersion} rather than by recording them anew. Those named {@code *.local-activities.json} were
 * recorded once runs read the agent and reported through local activities; the others are of runs from before.
 */
class RunHistoryReplayTest {

    @TestFactory
    Stream<DynamicTest> everyRecordedRunHistoryReplaysOnTheCurrentCode() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(getClass().getResource("/histories/run")).toURI());
        List<Path> histories;
        try (Stream<Path> files = Files.list(folder)) {
            histories = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(histories).hasSizeGreaterThanOrEqualTo(7);
        return histories.stream().map(history -> DynamicTest.dynamicTest(history.getFileName().toString(), () ->
                WorkflowReplayer.replayWorkflowExecution(Files.readString(history), AgentRunWorkflowImpl.class)));
    }
}
