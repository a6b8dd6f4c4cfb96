package dev.agentry.infra.blob;

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

class LocalFolderRunTranscriptsTest {

    @TempDir
    Path home;

    @Test
    void aStoredTranscriptReadsBackByItsReference() {
        LocalFolderRunTranscripts store = new LocalFolderRunTranscripts(home.resolve("transcripts"));
        RunTranscript transcript = new RunTranscript("agent-1", "run-agent-1-1780000000", "test-model",
                Instant.parse("2026-05-04T09:00:00Z"), Instant.parse("2026-05-04T09:00:05Z"), "Report the time.",
                List.of(), List.of(ConversationMessage.user("Go"),
                        ConversationMessage.assistant(List.of(new ContentPart.ToolCall("c1", "current_time", "{}"))),
                        ConversationMessage.user(List.of(new ContentPart.ToolResult("c1", "noon", false))),
                        ConversationMessage.assistant(List.of(new ContentPart.Text("It is noon.")))),
                "It is noon.", null, null, new TokenUsage(10, 5));

        String reference = store.store(transcript);

        assertThat(reference).isEqualTo("transcripts/run-agent-1-1780000000.json");
        assertThat(store.find(reference)).contains(transcript);
    }

    @Test
    void storingARunAgainReplacesItsTranscript() {
        LocalFolderRunTranscripts store = new LocalFolderRunTranscripts(home.resolve("transcripts"));

        store.put("run-1", bytes("first"));
        String reference = store.put("run-1", bytes("second"));

        assertThat(new String(store.read(reference).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(home.resolve("transcripts")).isDirectoryNotContaining("glob:**/.partial-*");
    }

    @Test
    void anyRunIdStaysAFileInTheFolder() throws Exception {
        Path folder = home.resolve("transcripts");
        LocalFolderRunTranscripts store = new LocalFolderRunTranscripts(folder);

        for (String runId : List.of("../escape", "a/b", "..", "manual run #1 ünïcode")) {
            String reference = store.put(runId, bytes(runId));
            assertThat(new String(store.read(reference).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(runId);
        }

        try (var files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(4);
        }
        assertThat(home.resolve("escape.json")).doesNotExist();
    }

    @Test
    void aReferenceThatIsNotThisStoresIsNotFound() {
        LocalFolderRunTranscripts store = new LocalFolderRunTranscripts(home.resolve("transcripts"));

        assertThat(store.find("transcripts/never-stored.json")).isEmpty();
        assertThat(store.find("transcripts/../secrets")).isEmpty();
        assertThat(store.find("s3://bucket/run.json")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
