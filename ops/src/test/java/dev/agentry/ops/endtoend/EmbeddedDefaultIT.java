package dev.agentry.ops.endtoend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged platform on the embedded default, as a new user starts it: nothing it runs listens
 * beyond loopback, and a supervisor that starts it again right after a SIGKILL gets a platform with
 * the same agents, although the killed platform's PostgreSQL still holds the data folder.
 */
class EmbeddedDefaultIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final Path SECOND_PLATFORM_LOG = OUTPUT.resolve("embedded-second-platform.log");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");
    /** a restart skips initdb, but stops the orphan first; beyond this much slower it is not a normal start */
    private static final Duration RESTART_MARGIN = Duration.ofSeconds(20);

    @TempDir
    Path home;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void listensOnLoopbackOnlyAndStartsAgainAtOnceAfterASigkill() throws IOException {
        NodeMcpClient client = NodeMcpClient.installed();
        Path platformLog = OUTPUT.resolve("embedded-platform.log");
        Path seed = OUTPUT.resolve("embedded-seed.json").toAbsolutePath();
        Files.deleteIfExists(platformLog);
        Files.deleteIfExists(SECOND_PLATFORM_LOG);
        Files.deleteIfExists(seed);

        Instant firstStart = Instant.now();
        try (PlatformProcess first = PlatformProcess.startEmbedded(home, ADMIN_TOKEN, platformLog)) {
            Duration firstStartTime = Duration.between(firstStart, Instant.now());
            // pg_ctl starts PostgreSQL detached: it is no descendant of the platform, its data folder names it
            ProcessHandle postgres = postmaster();
            List<ListeningSockets.Socket> sockets = new ArrayList<>(ListeningSockets.of(first.handle()));
            sockets.addAll(ListeningSockets.of(postgres));
            // HTTP, the in-memory Temporal service and PostgreSQL at least
            assertThat(sockets).hasSizeGreaterThanOrEqualTo(3);
            assertThat(sockets).allSatisfy(socket -> assertThat(socket.address().isLoopbackAddress())
                    .as("%s listens beyond loopback", socket).isTrue());

            NodeMcpClient.Outcome seeded = client.against(first, ADMIN_TOKEN)
                    .runScenario(OUTPUT.resolve("embedded-seed-node.log"), "seed-agents.mjs", seed.toString());
            assertTrue(seeded.succeeded(), () -> "seeding agents failed\n" + seeded.output() + "\n" + first.logTail());
            assertThat(secondPlatformOnTheSameHomeFails())
                    .contains("The embedded PostgreSQL data folder " + home.resolve("postgres")
                            + " is in use by another running Agentry platform")
                    .doesNotContain("\tat ");

            first.kill();
            assertThat(postgres.isAlive()).as("a killed platform leaves its PostgreSQL running").isTrue();

            Instant secondStart = Instant.now();
            try (PlatformProcess second = PlatformProcess.startEmbedded(home, ADMIN_TOKEN, platformLog)) {
                Duration secondStartTime = Duration.between(secondStart, Instant.now());
                assertThat(secondStartTime).as("the start after the crash").isLessThan(firstStartTime.plus(RESTART_MARGIN));
                NodeMcpClient.Outcome verified = client.against(second, ADMIN_TOKEN)
                        .runScenario(OUTPUT.resolve("embedded-verify-node.log"), "verify-agents.mjs", seed.toString());
                assertTrue(verified.succeeded(), () -> "the agents differ after the restart\n" + verified.output()
                        + "\n" + second.logTail());
            }
            assertThat(postgres.isAlive()).as("the orphan was stopped").isFalse();
        }
    }

    /** What a platform started on a home that a running one uses writes before it exits. */
    private String secondPlatformOnTheSameHomeFails() {
        try (PlatformProcess second = PlatformProcess.startEmbedded(home, ADMIN_TOKEN, SECOND_PLATFORM_LOG)) {
            throw new AssertionError("a second platform started on a home in use\n" + second.logTail());
        } catch (IllegalStateException exited) {
            assertThat(exited).hasMessageContaining("the platform exited with code");
            return exited.getMessage();
        }
    }

    private ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no PostgreSQL process " + pid));
    }
}
