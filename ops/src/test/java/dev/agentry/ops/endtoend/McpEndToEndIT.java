package dev.agentry.ops.endtoend;

import dev.agentry.infra.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The packaged platform, black box: the TypeScript MCP client's test suite (src/test/mcp-client/*.test.mjs)
 * against {@code agentry.jar serve} on a fresh database.
 */
class McpEndToEndIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    static Path home;

    private static NodeMcpClient client;
    private static PostgresTestDatabase database;
    private static PlatformProcess platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        client = NodeMcpClient.installed();
        Files.deleteIfExists(OUTPUT.resolve("mcp-end-to-end-platform.log"));
        database = PostgresTestDatabase.create();
        platform = PlatformProcess.start(database, home, ADMIN_TOKEN, OUTPUT.resolve("mcp-end-to-end-platform.log"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theTypeScriptClientSuitePassesAgainstThePackagedPlatform() {
        NodeMcpClient.Outcome suite = client.against(platform, ADMIN_TOKEN, database)
                .runTestSuite(OUTPUT.resolve("mcp-end-to-end-node.log"));
        System.out.println(suite.output());
        assertTrue(suite.succeeded(), () -> "node --test exited with " + suite.exitCode() + "\n"
                + suite.output() + "\n" + platform.logTail());
    }
}
