package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged platform ({@code agentry.jar serve}) as a child process on a test database,
 * started the way an operator starts it. Its output goes to a log file that failures quote.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final String READY_LINE = "Agentry MCP endpoint: ";
    /** a loaded machine starts the platform slowly: -Dagentry.platform-startup-seconds gives it longer */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("agentry.platform-startup-seconds", 120));
    private static final int LOG_LINES_IN_FAILURES = 150;
    /** a smaller heap than the JVM's default and a quicker start, for tests beside other builds */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path log;
    /** where this start's output begins: the log may hold earlier starts on the same port */
    private final long logOffset;
    private final int port;

    private PlatformProcess(Process process, Path log, long logOffset, int port) {
        this.process = process;
        this.log = log;
        this.logOffset = logOffset;
        this.port = port;
    }

    /**
     * Starts the jar on a free port and returns once it announces its endpoint, which it does only
     * after the bootstrap administrator exists (a 401 from /mcp comes earlier than that).
     *
     * @param properties further {@code --name=value} arguments of {@code serve}
     */
    static PlatformProcess start(PostgresTestDatabase database, Path home, String adminToken, Path log,
                                 String... properties) {
        List<String> withDatabase = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER));
        withDatabase.addAll(List.of(properties));
        return startServe(home, adminToken, log, TEST_JVM_OPTIONS, withDatabase.toArray(String[]::new));
    }

    /** As {@link #start}, with these JVM options instead of the tests' smaller heap (none: the JVM's defaults). */
    public static PlatformProcess startWithJvmOptions(PostgresTestDatabase database, Path home, String adminToken, Path log,
                                                      List<String> jvmOptions, String... properties) {
        List<String> withDatabase = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER));
        withDatabase.addAll(List.of(properties));
        return startServe(home, adminToken, log, jvmOptions, withDatabase.toArray(String[]::new));
    }

    /**
     * Starts the jar on the embedded default, as a new user does: no {@code spring.datasource.url}, so it runs
     * its own PostgreSQL with its data under {@code home}.
     */
    static PlatformProcess startEmbedded(Path home, String adminToken, Path log, String... properties) {
        return startServe(home, adminToken, log, TEST_JVM_OPTIONS, properties);
    }

    /** The packaged platform under test. */
    static Path jar() {
        return Path.of(System.getProperty("agentry.jar", "target/agentry.jar")).toAbsolutePath();
    }

    private static PlatformProcess startServe(Path home, String adminToken, Path log, List<String> jvmOptions,
                                              String... properties) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged platform " + jar + " is missing: run 'mvn package' in ops first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--server.port=" + port));
        command.addAll(List.of(properties));
        if (Stream.of(properties).noneMatch(property -> property.startsWith("--agentry.temporal."))) {
            // its in-memory Temporal service must not take the fixed port beside other builds on this machine
            command.add("--agentry.temporal.embedded-port=0");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the platform under test reaches no real LLM vendor, and which providers it has is the test's choice
        builder.environment().keySet().removeIf(PlatformProcess::configuresAVendor);
        // nor does Bedrock find a region or credentials in the user's AWS files or an instance's metadata
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AGENTRY_HOME", home.toString());
        builder.environment().put("AGENTRY_ADMIN_TOKEN", adminToken);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- starting " + jar + " on port " + port + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long logOffset = Files.size(log);
            PlatformProcess platform = new PlatformProcess(builder.start(), log, logOffset, port);
            // a crashed test JVM must not leave a platform running
            Runtime.getRuntime().addShutdownHook(new Thread(platform.process::destroyForcibly));
            platform.awaitReady();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** The platform's process; its children (the embedded PostgreSQL) are among its descendants. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    /** Ends the process as a crash or an OOM kill would: SIGKILL, no shutdown hooks. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit()) {
                kill();
            }
        }
    }

    /**
     * Stops the process as Kubernetes or systemd do: SIGTERM, then waiting for it to exit.
     *
     * @return how long it took to exit, and what it logged meanwhile
     */
    Termination terminate() {
        try {
            long logged = Files.size(log);
            long started = System.nanoTime();
            process.destroy();
            boolean exited = awaitExit();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            byte[] written = Files.readAllBytes(log);
            String after = new String(written, (int) logged, written.length - (int) logged, StandardCharsets.UTF_8);
            if (!exited) {
                kill();
            }
            return new Termination(exited, took, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param logged what the process wrote between SIGTERM and its exit */
    record Termination(boolean exited, Duration took, String logged) {
    }

    /** The last lines the platform wrote, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_FAILURES), lines.size());
            return "---- platform log " + log + " (last " + tail.size() + " lines)\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "---- platform log " + log + " unreadable: " + e.getMessage();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with code " + process.exitValue()
                        + " before it was ready\n" + logTail());
            }
            if (logAnnouncesEndpoint()) {
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        close();
        throw new IllegalStateException("the platform was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s\n" + logTail());
    }

    private boolean logAnnouncesEndpoint() {
        try {
            byte[] written = Files.readAllBytes(log);
            String ofThisStart = new String(written, (int) logOffset, written.length - (int) logOffset, StandardCharsets.UTF_8);
            return ofThisStart.contains(READY_LINE + mcpUrl());
        } catch (IOException e) {
            return false;
        }
    }


    private boolean awaitExit() {
        try {
            return process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static boolean configuresAVendor(String variable) {
        return variable.startsWith("ANTHROPIC_") || variable.startsWith("OPENAI_") || variable.startsWith("AWS_")
                || variable.startsWith("AGENTRY_PROVIDERS_");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform", e);
        }
    }
}
