package dev.agentry.ops.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code agentry.jar temporal-dev} as a process of its own, as Temporal runs beside the platform in
 * production: it outlives the platform's restarts.
 */
final class TemporalDevProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Temporal in-memory service listening on (127\\.0\\.0\\.1:\\d+)");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final String target;

    private TemporalDevProcess(Process process, Path log, String target) {
        this.process = process;
        this.log = log;
        this.target = target;
    }

    /** Starts it on a free port and returns once it announces its address. */
    static TemporalDevProcess start(Path log) {
        Path jar = Path.of(System.getProperty("agentry.jar", "target/agentry.jar")).toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "temporal-dev", "--port", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new TemporalDevProcess(process, log, awaitAddress(process, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start temporal-dev from " + jar, e);
        }
    }

    /** {@code host:port} for {@code --agentry.temporal.target}. */
    String target() {
        return target;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    String output() {
        return read(log);
    }

    private static String awaitAddress(Process process, Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher ready = READY.matcher(read(log));
            if (ready.find()) {
                return ready.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("temporal-dev exited with " + process.exitValue() + ":\n" + read(log));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for temporal-dev", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("temporal-dev did not announce its address within " + STARTUP_TIMEOUT + ":\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
