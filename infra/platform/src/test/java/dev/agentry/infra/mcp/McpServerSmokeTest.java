package dev.agentry.infra.mcp;

import dev.agentry.infra.platform.AgentryApplication;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole application on a fresh PostgreSQL database, driven through /mcp by the MCP Java SDK client. */
// registered before Spring's extension, so that it runs after Spring has closed the application
@ExtendWith(McpServerSmokeTest.DropTheDatabaseLast.class)
@SpringBootTest(classes = AgentryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentry.admin-token=" + McpServerSmokeTest.ADMIN_TOKEN)
@DirtiesContext
class McpServerSmokeTest {

    static final String ADMIN_TOKEN = "agt_smoke_test_admin_token_for_this_database";

    private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    }

    static class DropTheDatabaseLast implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            DATABASE.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void anAgentGoesThroughItsWholeLifeAndIsGoneAfterDeletion() {
        String alicesToken = newUser("alice");

        try (McpSyncClient alice = client(alicesToken)) {
            alice.initialize();
            Map<String, Object> created = success(alice.callTool(call("create_agent", Map.of(
                    "name", "morning-digest", "instructions", "Summarise what happened overnight.",
                    "schedule", Map.of("cron", "0 9 * * 1-5", "timezone", "Europe/Berlin")))));
            String agentId = created.get("agent_id").toString();
            assertThat(created).containsEntry("status", "STOPPED").containsEntry("owner", "alice")
                    .containsEntry("tier", "standard").containsEntry("model", null)
                    .containsEntry("schedule", Map.of("cron", "0 9 * * 1-5", "timezone", "Europe/Berlin"));

            assertThat(success(alice.callTool(call("get_agent", Map.of("agent_id", agentId))))).isEqualTo(created);
            assertThat(success(alice.callTool(call("start_agent", Map.of("agent_id", agentId))))).containsEntry("status", "RUNNING");
            assertThat(success(alice.callTool(call("stop_agent", Map.of("agent_id", agentId))))).containsEntry("status", "STOPPED");
            assertThat(success(alice.callTool(call("delete_agent", Map.of("agent_id", agentId)))))
                    .isEqualTo(Map.of("agent_id", agentId, "status", "DELETED"));

            assertThat(error(alice.callTool(call("get_agent", Map.of("agent_id", agentId)))))
                    .isEqualTo("not_found: agent '" + agentId + "' not found");
            assertThat(error(alice.callTool(call("start_agent", Map.of("agent_id", agentId)))))
                    .isEqualTo("not_found: agent '" + agentId + "' not found");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyShowsWhoDidWhatAndAnotherUserCannotSeeTheAgent() {
        String carolsToken = newUser("carol");
        String davesToken = newUser("dave");
        String agentId;
        try (McpSyncClient carol = client(carolsToken)) {
            carol.initialize();
            agentId = success(carol.callTool(call("create_agent", Map.of("name", "n", "instructions", "i"))))
                    .get("agent_id").toString();
            success(carol.callTool(call("update_agent", Map.of("agent_id", agentId, "tier", "deep"))));

            List<Map<String, Object>> events = (List<Map<String, Object>>) success(
                    carol.callTool(call("agent_history", Map.of("agent_id", agentId)))).get("events");
            assertThat(events).extracting(event -> event.get("type")).containsExactly("AgentCreated", "AgentReconfigured");
            assertThat(events).extracting(event -> event.get("actor")).containsOnly("carol");
        }
        try (McpSyncClient dave = client(davesToken)) {
            dave.initialize();
            assertThat(error(dave.callTool(call("get_agent", Map.of("agent_id", agentId)))))
                    .isEqualTo("not_found: agent '" + agentId + "' not found");
            Map<String, Object> noAgents = new java.util.HashMap<>();
            noAgents.put("agents", List.of());
            noAgents.put("next_cursor", null);
            assertThat(success(dave.callTool(call("list_agents", Map.of())))).isEqualTo(noAgents);
        }
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndADuplicateUserIsRefused() {
        try (McpSyncClient admin = client(ADMIN_TOKEN)) {
            admin.initialize();
            success(admin.callTool(call("create_user", Map.of("username", "erin"))));
            Map<String, Object> issued = success(admin.callTool(call("issue_token", Map.of("user_id", "user-erin"))));
            try (McpSyncClient erin = client(issued.get("token").toString())) {
                assertThat(erin.initialize().serverInfo().name()).isEqualTo("agentry");
            }

            success(admin.callTool(call("revoke_token", Map.of("token_id", issued.get("token_id")))));

            assertThatThrownBy(() -> client(issued.get("token").toString()).initialize()).isInstanceOf(RuntimeException.class);
            assertThat(error(admin.callTool(call("create_user", Map.of("username", "erin", "role", "ADMIN")))))
                    .isEqualTo("failed_precondition: user 'erin' already exists");
        }
    }

    private String newUser(String username) {
        try (McpSyncClient admin = client(ADMIN_TOKEN)) {
            admin.initialize();
            success(admin.callTool(call("create_user", Map.of("username", username))));
            return success(admin.callTool(call("issue_token", Map.of("user_id", "user-" + username)))).get("token").toString();
        }
    }

    private McpSyncClient client(String token) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static McpSchema.CallToolRequest call(String tool, Map<String, Object> arguments) {
        return new McpSchema.CallToolRequest(tool, arguments);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> success(CallToolResult result) {
        assertThat(result.isError()).as(() -> result.content().toString()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static String error(CallToolResult result) {
        assertThat(result.isError()).as(() -> String.valueOf(result.structuredContent())).isTrue();
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
