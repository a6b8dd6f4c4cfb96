package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged platform, black box: the TypeScript MCP client's test suite (src/test/mcp-client/*.test.mjs)
 * against {@code agentry.jar serve} on a fresh database, with a local OpenAI-compatible server as its LLM so that
 * runs complete.
 */
class McpEndToEndIT {

    private static final Path OUTPUT = Path.of("target", "e2e");
    private static final String ADMIN_TOKEN = "agt_e2e_" + UUID.randomUUID().toString().replace("-", "");
    /**
     * The one provider configured: the local OpenAI-compatible server {@link #llm}, with a model for every
     * tier but deep. models.test.mjs reads the same map.
     */
    private static final Map<String, String> SERVER_MODELS = new LinkedHashMap<>(Map.of(
            "basic", "llama-3.1-8b-instruct", "standard", "qwen2.5-32b-instruct", "advanced", "llama-3.3-70b-instruct"));

    @TempDir
    static Path home;

    private static NodeMcpClient client;
    /** answers every run with a current_time call and then a final answer, which runs.test.mjs finds in get_run */
    private static ToolThenAnswerServer llm;
    private static PostgresTestDatabase database;
    private static PlatformProcess platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        client = NodeMcpClient.installed();
        Files.deleteIfExists(OUTPUT.resolve("mcp-end-to-end-platform.log"));
        database = PostgresTestDatabase.create();
        llm = ToolThenAnswerServer.answeringAtOnce();
        List<String> providers = new ArrayList<>(List.of("--agentry.providers.openai-compatible.base-url=" + llm.baseUrl()));
        SERVER_MODELS.forEach((tier, model) -> providers.add("--agentry.providers.openai-compatible.models." + tier + "=" + model));
        platform = PlatformProcess.start(database, home, ADMIN_TOKEN, OUTPUT.resolve("mcp-end-to-end-platform.log"),
                providers.toArray(String[]::new));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (database != null) {
            database.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theTypeScriptClientSuitePassesAgainstThePackagedPlatform() {
        NodeMcpClient.Outcome suite = client.against(platform, ADMIN_TOKEN, database)
                .withEnvironment("AGENTRY_E2E_SERVER_MODELS", SERVER_MODELS.entrySet().stream()
                        .map(model -> model.getKey() + "=" + model.getValue()).collect(Collectors.joining(",")))
                .withEnvironment("AGENTRY_E2E_LLM_CONVERSATION", llm.conversationJson())
                // what stdio-bridge.test.mjs runs mcp-stdio with, beside the platform on the same home
                .withEnvironment("AGENTRY_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .withEnvironment("AGENTRY_JAR", PlatformProcess.jar().toString())
                .withEnvironment("AGENTRY_HOME", home.toString())
                .runTestSuite(OUTPUT.resolve("mcp-end-to-end-node.log"));
        System.out.println(suite.output());
        assertTrue(suite.succeeded(), () -> "node --test exited with " + suite.exitCode() + "\n"
                + suite.output() + "\n" + platform.logTail());
    }
}
