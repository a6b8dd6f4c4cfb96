package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.TokenProperties;
import dev.agentry.infra.mcp.security.SecurityProperties;
import java.util.Set;
import java.util.Optional;
import dev.agentry.workflows.run.RunTranscripts;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.model.ProviderSetup;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.Role;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackProperties;
import dev.agentry.infra.slack.SlackWebApi;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real servlet container, filter, transport and MCP Java SDK client, with the user aggregate
 * and the identity read model stood in for: proves the HTTP wiring, the bootstrap administrator
 * and that the authenticated caller reaches the tools.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = McpHttpEndpointTest.Endpoint.class,
        properties = "agentry.admin-token=" + McpHttpEndpointTest.ADMIN_TOKEN)
class McpHttpEndpointTest {

    static final String ADMIN_TOKEN = "agt_endpoint_test_admin_token";

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    @EnableConfigurationProperties({McpProperties.class, SecurityProperties.class, TokenProperties.class})
    @ComponentScan("dev.agentry.infra.mcp")
    static class Endpoint {

        final Map<String, UserView> users = new ConcurrentHashMap<>();
        final Map<String, ApiTokenView> tokensByHash = new ConcurrentHashMap<>();

        @Bean
        InMemoryMessaging messaging() {
            return new InMemoryMessaging()
                    .onCommand(CreateUser.class, command -> users.put(command.userId(),
                            new UserView(command.userId(), command.username(), command.role())))
                    .onCommand(IssueApiToken.class, command -> tokensByHash.put(command.tokenHash(),
                            new ApiTokenView(command.tokenId(), command.tokenHash(), false, users.get(command.userId()))))
                    .onCommand(CreateAgent.class, command -> {
                        throw new IllegalStateException("no agents in this test");
                    })
                    .onQuery(FindUser.class, UserView.class, query -> users.get(query.userId()))
                    .onQuery(FindUserByName.class, UserView.class, query -> users.values().stream()
                            .filter(user -> user.username().equals(query.username())).findFirst().orElse(null))
                    .onQuery(FindApiTokenByHash.class, ApiTokenView.class, query -> tokensByHash.get(query.tokenHash()));
        }

        /** Slack is never called in this test. */
        @Bean
        SlackWebApi slackWebApi() {
            return new SlackWebApi(new SlackProperties("http://127.0.0.1:9/api/", java.time.Duration.ofSeconds(1), 0));
        }

        @Bean
        SlackConnections slackConnections(InMemoryMessaging messaging) {
            return new SlackConnections(messaging.queryGateway(), null);
        }

        /** No catalogue and no provider: the endpoint, not the models, is under test here. */
        @Bean
        CurrentModels currentModels() {
            return new CurrentModels() {
                @Override
                public ModelResolver now() {
                    return over(List.of());
                }

                @Override
                public ModelResolver over(List<CatalogueModelView> catalogue) {
                    return new ModelResolver(catalogue, new ProviderSetup(Set.of(), List.of(), Map.of()));
                }
            };
        }

        /** No run is ever stored in this test. */
        @Bean
        RunTranscripts runTranscripts() {
            return new RunTranscripts() {
                @Override
                public String store(RunTranscript transcript) {
                    throw new UnsupportedOperationException("no runs in this test");
                }

                @Override
                public Optional<RunTranscript> find(String reference) {
                    return Optional.empty();
                }
            };
        }

        @Bean
        CommandGateway commandGateway(InMemoryMessaging messaging) {
            return messaging.commandGateway();
        }

        @Bean
        QueryGateway queryGateway(InMemoryMessaging messaging) {
            return messaging.queryGateway();
        }

        @Bean
        ReadModelFreshness readModelFreshness() {
            return InMemoryMessaging.readModelsAlwaysCurrent();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void withoutATokenTheEndpointAnswers401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = post(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.body()).contains("\"error\":\"unauthenticated\"");
    }

    @Test
    void anUnknownTokenIsRefusedBeforeTheMcpServlet() throws Exception {
        assertThat(post("agt_not_a_token").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> client("agt_not_a_token").initialize()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theBootstrapAdministratorListsEveryToolWithFullSchemasAndCreatesAUser() {
        try (McpSyncClient admin = client(ADMIN_TOKEN)) {
            McpSchema.InitializeResult initialized = admin.initialize();
            assertThat(initialized.serverInfo().name()).isEqualTo("agentry");

            assertThat(admin.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly(
                    "agent_history", "audit_log", "create_agent", "create_user", "delete_agent", "disable_model",
                    "enable_model", "get_agent", "get_run", "get_slack_connection", "issue_token", "list_agents", "list_models",
                    "list_runs", "list_tokens", "reconcile", "revoke_token", "run_agent_now", "slack_connect",
                    "slack_disconnect", "slack_list_channels", "slack_list_users", "slack_send_dm", "slack_send_message",
                    "start_agent", "stop_agent", "system_health", "update_agent");
            assertThat(admin.listTools().tools()).allSatisfy(tool -> {
                assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
                assertThat(tool.outputSchema()).containsEntry("type", "object");
                assertThat(tool.annotations().title()).isEqualTo(tool.title());
            });
            // what a client may do without asking: read-only tools change nothing, destructive ones take something away
            assertThat(toolsWhere(admin, hints -> hints.readOnlyHint())).containsExactly(
                    "agent_history", "audit_log", "get_agent", "get_run", "get_slack_connection", "list_agents", "list_models",
                    "list_runs", "list_tokens", "slack_list_channels", "slack_list_users", "system_health");
            assertThat(toolsWhere(admin, hints -> hints.destructiveHint())).containsExactly(
                    "delete_agent", "reconcile", "revoke_token", "slack_disconnect");
            assertThat(toolsWhere(admin, hints -> hints.idempotentHint())).containsExactly(
                    "agent_history", "audit_log", "disable_model", "enable_model", "get_agent", "get_run", "get_slack_connection",
                    "list_agents", "list_models", "list_runs", "list_tokens", "reconcile", "revoke_token", "slack_connect",
                    "slack_disconnect", "slack_list_channels", "slack_list_users", "start_agent", "stop_agent",
                    "system_health", "update_agent");
            assertThat(toolsWhere(admin, hints -> hints.openWorldHint())).containsExactly(
                    "run_agent_now", "slack_connect", "slack_list_channels", "slack_list_users", "slack_send_dm",
                    "slack_send_message");

            CallToolResult created = admin.callTool(new McpSchema.CallToolRequest("create_user", Map.of("username", "carol")));
            assertThat(created.isError()).isFalse();
            assertThat(created.structuredContent()).isEqualTo(Map.of("user_id", "user-carol", "username", "carol", "role", "USER"));
        }
    }

    @Test
    void theCallerOfEachRequestIsTheOwnerOfItsToken() {
        String davesToken;
        try (McpSyncClient admin = client(ADMIN_TOKEN)) {
            admin.initialize();
            admin.callTool(new McpSchema.CallToolRequest("create_user", Map.of("username", "dave")));
            davesToken = (String) ((Map<?, ?>) admin.callTool(new McpSchema.CallToolRequest("issue_token",
                    Map.of("user_id", "user-dave"))).structuredContent()).get("token");
        }

        try (McpSyncClient dave = client(davesToken)) {
            dave.initialize();
            CallToolResult denied = dave.callTool(new McpSchema.CallToolRequest("create_user", Map.of("username", "eve")));

            assertThat(denied.isError()).isTrue();
            assertThat(((McpSchema.TextContent) denied.content().get(0)).text())
                    .isEqualTo("permission_denied: create_user requires the ADMIN role");
            CallToolResult invalid = dave.callTool(new McpSchema.CallToolRequest("create_agent",
                    Map.of("name", "x", "instructions", "y", "tier", "mega")));
            assertThat(((McpSchema.TextContent) invalid.content().get(0)).text())
                    .startsWith("invalid_argument: tier: ").contains("[\"basic\", \"standard\", \"advanced\", \"deep\"]");
        }
    }

    @Test
    void aToolThatFailsUnexpectedlyAnswersAnErrorResultAndTheSessionGoesOn() {
        try (McpSyncClient admin = client(ADMIN_TOKEN)) {
            admin.initialize();

            CallToolResult failed = admin.callTool(new McpSchema.CallToolRequest("create_agent",
                    Map.of("name", "x", "instructions", "y")));

            assertThat(failed.isError()).isTrue();
            assertThat(((McpSchema.TextContent) failed.content().get(0)).text())
                    .matches("internal: unexpected error \\(reference [0-9a-f]{8}\\)");
            assertThat(admin.ping()).isNotNull();
        }
    }

    private static List<String> toolsWhere(McpSyncClient client, Predicate<McpSchema.ToolAnnotations> hint) {
        return client.listTools().tools().stream().filter(tool -> hint.test(tool.annotations()))
                .map(McpSchema.Tool::name).toList();
    }

    private McpSyncClient client(String token) {
        return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(java.time.Duration.ofSeconds(20))
                .build();
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                         "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
