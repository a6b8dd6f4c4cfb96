package dev.agentry.infra.blob;

import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Transcripts as files {@code <folder>/<run id>.json}. The reference is {@code transcripts/<file name>},
 * shaped like the object key a bucket would use. A transcript is written to a temporary file and moved into
 * place, so a reader never sees half of one.
 */
final class LocalFolderRunTranscripts implements RunTranscripts {

    static final String PREFIX = "transcripts/";

    private final Path folder;

    LocalFolderRunTranscripts(Path folder) {
        this.folder = folder;
    }

    @Override
    public String store(RunTranscript transcript) {
        return put(transcript.runId(), TranscriptJson.write(transcript));
    }

    @Override
    public Optional<RunTranscript> find(String reference) {
        return read(reference).map(TranscriptJson::read);
    }

    String put(String runId, byte[] transcript) {
        String fileName = TranscriptFileName.of(runId);
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".partial-", ".json");
            Files.write(partial, transcript);
            moveIntoPlace(partial, folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("transcript of run " + runId + " not stored in " + folder, e);
        }
        return PREFIX + fileName;
    }

    /** Empty when nothing is stored under the reference, or the reference is not one of this folder's. */
    Optional<byte[]> read(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String fileName = reference.substring(PREFIX.length());
        // encoded run ids contain neither separators nor a leading dot: anything else is not ours
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(fileName)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("transcript '" + reference + "' not readable in " + folder, e);
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
