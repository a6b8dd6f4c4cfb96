package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents outlive the process: the platform is killed with SIGKILL after agents were put in every
 * state through MCP, started again on the same database, and shows the same agents as before.
 */
class RestartKeepsAgentsIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path home;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void agentsKeepTheirStateWhenThePlatformIsKilledAndStartedAgain() throws IOException {
        NodeMcpClient client = NodeMcpClient.installed();
        Path platformLog = OUTPUT.resolve("restart-platform.log");
        Path seed = OUTPUT.resolve("restart-seed.json").toAbsolutePath();
        Files.deleteIfExists(platformLog);
        Files.deleteIfExists(seed);

        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            try (PlatformProcess first = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog)) {
                NodeMcpClient.Outcome seeded = client.against(first, ADMIN_TOKEN, database)
                        .runScenario(OUTPUT.resolve("restart-seed-node.log"), "seed-agents.mjs", seed.toString());
                System.out.println(seeded.output());
                assertTrue(seeded.succeeded(), () -> "seeding agents failed\n" + seeded.output() + "\n" + first.logTail());
                first.kill();
            }
            try (PlatformProcess second = PlatformProcess.start(database, home, ADMIN_TOKEN, platformLog)) {
                NodeMcpClient.Outcome verified = client.against(second, ADMIN_TOKEN, database)
                        .runScenario(OUTPUT.resolve("restart-verify-node.log"), "verify-agents.mjs", seed.toString());
                System.out.println(verified.output());
                assertTrue(verified.succeeded(), () -> "the agents differ after the restart\n" + verified.output()
                        + "\n" + second.logTail());
            }
        }
    }
}
