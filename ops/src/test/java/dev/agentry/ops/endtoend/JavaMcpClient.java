package dev.agentry.ops.endtoend;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The MCP Java SDK client on a platform's /mcp, for tests that poll the platform from Java. */
final class JavaMcpClient implements AutoCloseable {

    private final McpSyncClient client;

    private JavaMcpClient(McpSyncClient client) {
        this.client = client;
    }

    static JavaMcpClient connect(PlatformProcess platform, String token) {
        URI mcp = URI.create(platform.mcpUrl());
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(mcp.getScheme() + "://" + mcp.getAuthority())
                        .endpoint(mcp.getPath())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return new JavaMcpClient(client);
    }

    /** The structured result of a call that must succeed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " " + arguments + " failed: " + ((McpSchema.TextContent) result.content().get(0)).text());
        }
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> runs(String agentId) {
        return (List<Map<String, Object>>) call("list_runs", Map.of("agent_id", agentId, "limit", 100)).get("runs");
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
