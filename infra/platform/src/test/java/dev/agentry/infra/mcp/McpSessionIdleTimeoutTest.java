package dev.agentry.infra.mcp;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sessions whose clients left without ending them are forgotten; sessions in use are kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = McpHttpEndpointTest.Endpoint.class,
        properties = {"agentry.admin-token=" + McpHttpEndpointTest.ADMIN_TOKEN,
                "agentry.mcp.session-idle-timeout=" + McpSessionIdleTimeoutTest.IDLE_TIMEOUT_MILLIS + "ms"})
class McpSessionIdleTimeoutTest {

    static final long IDLE_TIMEOUT_MILLIS = 500;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aSessionInUseOutlivesManyIdleTimeoutsAndAnAbandonedOneIsForgotten() throws Exception {
        String inUse = initializedSession();
        String abandoned = initializedSession();

        Instant until = Instant.now().plusMillis(6 * IDLE_TIMEOUT_MILLIS);
        while (Instant.now().isBefore(until)) {
            assertThat(ping(inUse).statusCode()).as("a ping in a session in use").isEqualTo(200);
            Thread.sleep(IDLE_TIMEOUT_MILLIS / 5);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ping(abandoned).statusCode() == 404);
        assertThat(ping(inUse).statusCode()).isEqualTo(200);
    }

    private String initializedSession() throws Exception {
        HttpResponse<String> initialized = post(null, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
        assertThat(initialized.statusCode()).isEqualTo(200);
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(session, """
                {"jsonrpc":"2.0","method":"notifications/initialized"}""").statusCode()).isEqualTo(202);
        return session;
    }

    private HttpResponse<String> ping(String session) throws Exception {
        return post(session, """
                {"jsonrpc":"2.0","id":2,"method":"ping"}""");
    }

    private HttpResponse<String> post(String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Authorization", "Bearer " + McpHttpEndpointTest.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
