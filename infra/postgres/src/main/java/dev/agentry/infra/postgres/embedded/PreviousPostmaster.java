package dev.agentry.infra.postgres.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on the embedded data folder when the platform starts. A platform
 * killed with SIGKILL leaves its PostgreSQL child behind as an orphan holding the folder; a platform
 * still running holds the folder's {@code epg-lock} as well. An orphan is stopped (SIGTERM: PostgreSQL
 * shuts down cleanly, as on any stop) so that the new start can use the folder; a folder a running
 * platform holds is refused with one line that says which.
 */
final class PreviousPostmaster {

    private static final Logger log = LoggerFactory.getLogger(PreviousPostmaster.class);
    /** the lock file the embedded PostgreSQL library holds while a platform uses the folder */
    private static final String PLATFORM_LOCK = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private PreviousPostmaster() {
    }

    /**
     * Stops the orphaned PostgreSQL of an earlier platform on this folder, if there is one.
     *
     * @throws DataFolderInUseException when another running process holds the folder
     */
    static void stopOrphanOn(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        if (heldByARunningPlatform(dataDirectory)) {
            throw new DataFolderInUseException("The embedded PostgreSQL data folder " + dataDirectory
                    + " is in use by another running Agentry platform (its PostgreSQL is process " + pid
                    + "): stop that platform, or give this one another AGENTRY_HOME");
        }
        log.warn("Stopping PostgreSQL process {} left running on {} by a platform that ended without stopping it",
                pid, dataDirectory);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL process " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DataFolderInUseException("The PostgreSQL process " + pid + " left running on " + dataDirectory
                    + " did not stop within " + SHUTDOWN_TIMEOUT.toSeconds() + " s: stop it (kill " + pid + ") and start again");
        }
        log.info("PostgreSQL process {} stopped; starting the embedded PostgreSQL again", pid);
    }

    /** The live process that {@code postmaster.pid} names, when it is a PostgreSQL server on this folder. */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // the second line is the data folder the server runs on; a reused pid runs something else
        Path folder = Path.of(lines.get(1).strip());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> sameFolder(folder, dataDirectory))
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true));
    }

    private static boolean sameFolder(Path recorded, Path dataDirectory) {
        try {
            return Files.isSameFile(recorded, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean heldByARunningPlatform(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(PLATFORM_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldByThisProcess) {
            return true;
        }
    }

    /** The data folder cannot be used; its message is the whole explanation. */
    static class DataFolderInUseException extends IllegalStateException {
        DataFolderInUseException(String message) {
            super(message);
        }
    }
}
