package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.agentry.infra.slack.testing.LocalSlackServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged platform, black box: the TypeScript MCP client's test suite (src/test/mcp-client/*.test.mjs)
 * against {@code agentry.jar serve} on a fresh database, with a local OpenAI-compatible server as its LLM so that
 * runs complete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpEndToEndIT {

    private static final Duration LONGEST_IDLE_SHUTDOWN = Duration.ofSeconds(3);

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
    /** the Slack workspace of slack.test.mjs, reached with {@link #SLACK_TOKEN} */
    private static LocalSlackServer slack;
    private static final String SLACK_TOKEN = "xoxb-e2e-" + UUID.randomUUID();

    @BeforeAll
    static void startPlatform() throws IOException {
        client = NodeMcpClient.installed();
        Files.deleteIfExists(OUTPUT.resolve("mcp-end-to-end-platform.log"));
        database = PostgresTestDatabase.create();
        llm = ToolThenAnswerServer.answeringAtOnce();
        slack = LocalSlackServer.start();
        slack.workspace(SLACK_TOKEN, "T0E2E", "E2E Corp", "U0E2EBOT")
                .user("U01ADA", "ada", "Ada Lovelace", "ada@e2e.test")
                .deletedUser("U02OLD", "old", "old@e2e.test")
                .user("U03BOB", "bob", "Bob Builder", "bob@e2e.test")
                .user("U04CAT", "cat", "Cat Stevens", "cat@e2e.test")
                .user("U05DAN", "dan", "Dan Brown", "dan@e2e.test")
                .user("U06EVE", "eve", "Eve Online", "eve@e2e.test")
                .channel("C01GEN", "general", false, true)
                .channel("C02RAND", "random", false, false);
        List<String> providers = new ArrayList<>(List.of("--agentry.providers.openai-compatible.base-url=" + llm.baseUrl(),
                "--agentry.slack.base-url=" + slack.baseUrl()));
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
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theTypeScriptClientSuitePassesAgainstThePackagedPlatform() throws IOException {
        NodeMcpClient.Outcome suite = client.against(platform, ADMIN_TOKEN, database)
                .withEnvironment("AGENTRY_E2E_SERVER_MODELS", SERVER_MODELS.entrySet().stream()
                        .map(model -> model.getKey() + "=" + model.getValue()).collect(Collectors.joining(",")))
                .withEnvironment("AGENTRY_E2E_LLM_CONVERSATION", llm.conversationJson())
                .withEnvironment("AGENTRY_E2E_SLACK_TOKEN", SLACK_TOKEN)
                // what failure-notices.test.mjs reads the DMs it expects from
                .withEnvironment("AGENTRY_E2E_SLACK_MESSAGES_URL", slack.messagesUrl())
                // what stdio-bridge.test.mjs runs mcp-stdio with, beside the platform on the same home
                .withEnvironment("AGENTRY_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .withEnvironment("AGENTRY_JAR", PlatformProcess.jar().toString())
                .withEnvironment("AGENTRY_HOME", home.toString())
                .runTestSuite(OUTPUT.resolve("mcp-end-to-end-node.log"));
        System.out.println(suite.output());
        assertTrue(suite.succeeded(), () -> "node --test exited with " + suite.exitCode() + "\n"
                + suite.output() + "\n" + platform.logTail());
        // what slack.test.mjs sent reached Slack once each (beside the failure notices that
        // failure-notices.test.mjs counts), and the token never reached the platform's log
        assertEquals(List.of("hello from the e2e suite", "a DM from the e2e suite"),
                slack.messages().stream().filter(message -> !isFailureNotice(message))
                        .map(LocalSlackServer.Message::text).toList());
        assertFalse(Files.readString(OUTPUT.resolve("mcp-end-to-end-platform.log")).contains(SLACK_TOKEN));
    }

    private static boolean isFailureNotice(LocalSlackServer.Message message) {
        return message.metadata() != null && "agentry_failure_notice".equals(message.metadata().path("event_type").asText());
    }

    /** SIGTERM, as a rolling deploy sends it, once the suite's runs have ended and nothing runs any more. */
    @Test
    @Order(2)
    void theIdleNodeExitsOnSigtermWithinThreeSecondsWithoutAnErrorInItsLog() {
        PlatformProcess.Termination termination = platform.terminate();

        assertTrue(termination.exited(), () -> "did not exit on SIGTERM\n" + termination.logged());
        assertTrue(termination.took().compareTo(LONGEST_IDLE_SHUTDOWN) < 0,
                () -> "took " + termination.took().toMillis() + " ms from SIGTERM to exit\n" + termination.logged());
        assertFalse(termination.logged().contains(" ERROR ") || termination.logged().contains("Exception")
                || termination.logged().contains("\tat "), () -> "logged errors while stopping\n" + termination.logged());
    }
}
