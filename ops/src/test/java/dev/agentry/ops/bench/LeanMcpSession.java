package dev.agentry.ops.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MCP session over Streamable HTTP that does what the protocol asks of a client and nothing more: initialize,
 * then one POST per request with the session id, its answer read as JSON or as the event stream's data. Every answer
 * is checked for its id and for a tool error, not against the tool's schema.
 */
final class LeanMcpSession implements McpSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String PROTOCOL_VERSION = "2025-06-18";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final String authorization;
    private final AtomicLong nextId = new AtomicLong(1);
    private String sessionId;
    private String protocolVersion = PROTOCOL_VERSION;

    private LeanMcpSession(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.authorization = "Bearer " + token;
    }

    static LeanMcpSession connect(String url, String token) {
        LeanMcpSession session = new LeanMcpSession(URI.create(url), token);
        long id = session.nextId.getAndIncrement();
        HttpResponse<String> initialized = session.post(Map.of("jsonrpc", "2.0", "id", id,
                "method", "initialize", "params", Map.of("protocolVersion", PROTOCOL_VERSION, "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "agentry-bench", "version", "1"))));
        session.sessionId = initialized.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IllegalStateException("initialize answered without an Mcp-Session-Id"));
        session.protocolVersion = (String) result(answer(initialized, id)).get("protocolVersion");
        HttpResponse<String> notified = session.post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        if (notified.statusCode() != 202) {
            throw new IllegalStateException("notifications/initialized answered " + notified.statusCode());
        }
        return session;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String tool, Map<String, Object> arguments) {
        Map<String, Object> result = request("tools/call", Map.of("name", tool, "arguments", arguments));
        if (Boolean.TRUE.equals(result.get("isError"))) {
            List<Map<String, Object>> content = (List<Map<String, Object>>) result.get("content");
            throw new IllegalStateException(tool + " failed: " + content.get(0).get("text"));
        }
        Object structured = result.get("structuredContent");
        if (!(structured instanceof Map<?, ?>)) {
            throw new IllegalStateException(tool + " answered without structured content: " + result);
        }
        return (Map<String, Object>) structured;
    }

    @Override
    public void ping() {
        request("ping", Map.of());
    }

    @Override
    public void close() {
        try {
            http.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Authorization", authorization)
                    .header("Mcp-Session-Id", sessionId).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the platform forgets an idle session on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> request(String method, Map<String, Object> params) {
        long id = nextId.getAndIncrement();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        request.put("params", params);
        return result(answer(post(request), id));
    }

    private HttpResponse<String> post(Map<String, Object> message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", protocolVersion);
        }
        try {
            HttpRequest post = request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message))).build();
            HttpResponse<String> response;
            try {
                response = http.send(post, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedBeforeAnyAnswer) {
                // the platform closes a connection idle for 20 s, and the JDK client may pick it just as it closes;
                // sent once more: the benchmarks send only reads through this class
                response = http.send(post, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(message.get("method") + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JSON-RPC answer to request {@code id}: the body itself, or the data of the event stream's event that answers it. */
    private static Map<String, Object> answer(HttpResponse<String> response, long id) {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        try {
            if (!stream) {
                return checked(JSON.readValue(response.body(), OBJECT), id);
            }
            StringBuilder data = new StringBuilder();
            for (String line : response.body().split("\n", -1)) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isBlank() && !data.isEmpty()) {
                    Map<String, Object> message = JSON.readValue(data.toString(), OBJECT);
                    if (Long.valueOf(id).equals(number(message.get("id")))) {
                        return checked(message, id);
                    }
                    data.setLength(0);
                }
            }
            if (!data.isEmpty()) {
                return checked(JSON.readValue(data.toString(), OBJECT), id);
            }
            throw new IllegalStateException("the event stream held no answer to request " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> checked(Map<String, Object> message, long id) {
        if (!Long.valueOf(id).equals(number(message.get("id")))) {
            throw new IllegalStateException("answer to request " + message.get("id") + " where " + id + " was asked");
        }
        if (message.get("error") != null) {
            throw new IllegalStateException("JSON-RPC error: " + message.get("error"));
        }
        return message;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> message) {
        return (Map<String, Object>) message.get("result");
    }

    private static Long number(Object id) {
        return id instanceof Number number ? number.longValue() : null;
    }
}
