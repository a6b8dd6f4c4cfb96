package dev.agentry.ops.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * One MCP session over Streamable HTTP through the Java MCP SDK client, as a bearer token's holder. On 2 cores or
 * fewer, run the benchmark with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} (the bench profile
 * does): the client's JDK {@code HttpClient} would otherwise start a new thread for every response, and the client
 * would bound the figure instead of the platform.
 */
final class McpSession implements AutoCloseable {

    private final McpSyncClient client;

    private McpSession(McpSyncClient client) {
        this.client = client;
    }

    static McpSession connect(String url, String token) {
        return new McpSession(client(url, token));
    }

    /** The SDK's own client on the endpoint, initialized, for benchmarks that read its raw results. */
    static McpSyncClient client(String url, String token) {
        URI mcp = URI.create(url);
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder(mcp.getScheme() + "://" + mcp.getAuthority())
                        .endpoint(mcp.getPath())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    /** The structured result of the call; a failed call throws with the tool's text. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(tool + " failed: " + ((McpSchema.TextContent) result.content().get(0)).text());
        }
        return (Map<String, Object>) result.structuredContent();
    }

    /** An MCP ping: the session's HTTP round trip, with authentication, without a tool. */
    void ping() {
        client.ping();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
