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
 * One MCP session over Streamable HTTP, as a bearer token's holder: through the Java MCP SDK client
 * ({@link #connect}) or through {@link LeanMcpSession} ({@link #lean}). On 2 cores or fewer, run the benchmark with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} (the bench profile does): the SDK client's JDK
 * {@code HttpClient} would otherwise start a new thread for every response, and the client would bound the figure
 * instead of the platform.
 */
interface McpSession extends AutoCloseable {

    /** A session of the SDK's client. */
    static McpSession connect(String url, String token) {
        McpSyncClient client = client(url, token);
        return new McpSession() {
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> call(String tool, Map<String, Object> arguments) {
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
                if (Boolean.TRUE.equals(result.isError())) {
                    throw new IllegalStateException(tool + " failed: " + ((McpSchema.TextContent) result.content().get(0)).text());
                }
                return (Map<String, Object>) result.structuredContent();
            }

            @Override
            public void ping() {
                client.ping();
            }

            @Override
            public void close() {
                client.closeGracefully();
            }
        };
    }

    /**
     * A session of a client that only sends the JSON-RPC requests and reads their answers: for the latency
     * benchmarks, where the SDK client's own work on the same 2 cores (its reactive pipeline, its check of every
     * answer against the tool's output schema) took about as much CPU as the platform's answer.
     */
    static McpSession lean(String url, String token) {
        return LeanMcpSession.connect(url, token);
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
    Map<String, Object> call(String tool, Map<String, Object> arguments);

    /** An MCP ping: the session's HTTP round trip, with authentication, without a tool. */
    void ping();

    @Override
    void close();
}
