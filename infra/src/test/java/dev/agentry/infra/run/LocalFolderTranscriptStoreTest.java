package dev.agentry.infra.run;

import dev.agentry.infra.run.TranscriptStore.TranscriptNotFoundException;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.run.RunTranscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFolderTranscriptStoreTest {

    @TempDir
    Path home;

    @Test
    void aStoredTranscriptReadsBackByItsReference() {
        TranscriptStore store = new LocalFolderTranscriptStore(home.resolve("transcripts"));
        RunTranscript transcript = new RunTranscript("agent-1", "run-agent-1-1780000000", "test-model",
                Instant.parse("2026-05-04T09:00:00Z"), Instant.parse("2026-05-04T09:00:05Z"), "Report the time.",
                List.of(), List.of(ConversationMessage.user("Go"),
                        ConversationMessage.assistant(List.of(new ContentPart.ToolCall("c1", "current_time", "{}"))),
                        ConversationMessage.user(List.of(new ContentPart.ToolResult("c1", "noon", false))),
                        ConversationMessage.assistant(List.of(new ContentPart.Text("It is noon.")))),
                "It is noon.", null, null, new TokenUsage(10, 5));

        String reference = store.put(transcript.runId(), TranscriptJson.write(transcript));

        assertThat(reference).isEqualTo("transcripts/run-agent-1-1780000000.json");
        assertThat(TranscriptJson.read(store.get(reference))).isEqualTo(transcript);
    }

    @Test
    void storingARunAgainReplacesItsTranscript() {
        TranscriptStore store = new LocalFolderTranscriptStore(home.resolve("transcripts"));

        store.put("run-1", bytes("first"));
        String reference = store.put("run-1", bytes("second"));

        assertThat(new String(store.get(reference), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(home.resolve("transcripts")).isDirectoryNotContaining("glob:**/.partial-*");
    }

    @Test
    void anyRunIdStaysAFileInTheFolder() throws Exception {
        Path folder = home.resolve("transcripts");
        TranscriptStore store = new LocalFolderTranscriptStore(folder);

        for (String runId : List.of("../escape", "a/b", "..", "manual run #1 ünïcode")) {
            String reference = store.put(runId, bytes(runId));
            assertThat(new String(store.get(reference), StandardCharsets.UTF_8)).isEqualTo(runId);
        }

        try (var files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(4);
        }
        assertThat(home.resolve("escape.json")).doesNotExist();
    }

    @Test
    void aReferenceThatIsNotThisStoresIsNotFound() {
        TranscriptStore store = new LocalFolderTranscriptStore(home.resolve("transcripts"));

        assertThatThrownBy(() -> store.get("transcripts/never-stored.json")).isInstanceOf(TranscriptNotFoundException.class);
        assertThatThrownBy(() -> store.get("transcripts/../secrets")).isInstanceOf(TranscriptNotFoundException.class);
        assertThatThrownBy(() -> store.get("s3://bucket/run.json")).isInstanceOf(TranscriptNotFoundException.class);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(TranscriptNotFoundException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
