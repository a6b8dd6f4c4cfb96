package dev.agentry.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Relays MCP between standard input and output (one JSON-RPC message a line) and the Streamable HTTP
 * endpoint of a running platform: each message is POSTed with the bearer token and the session id,
 * and every message of the answer (plain JSON or a server-sent event stream) becomes a line on
 * standard output. A failed HTTP exchange answers the request it carried with a JSON-RPC error, so
 * the client is never left waiting.
 */
final class McpStdioBridge {

    /** JSON-RPC error code for a request the platform refused or could not be reached with */
    private static final int TRANSPORT_ERROR = -32000;
    private static final String SESSION_HEADER = "mcp-session-id";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String token;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final AtomicReference<String> sessionId = new AtomicReference<>();
    private final AtomicReference<String> protocolVersion = new AtomicReference<>();
    /** requests run side by side, so that a cancellation can overtake the call it cancels */
    private final ExecutorService exchanges = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcp-stdio-exchange");
        thread.setDaemon(true);
        return thread;
    });

    McpStdioBridge(URI endpoint, String token, PrintStream out, PrintStream err) {
        this.endpoint = endpoint;
        this.token = token;
        this.out = out;
        this.err = err;
    }

    /** Whether anything answers HTTP at the endpoint (any status: what counts is that it is up). */
    boolean platformAnswers() {
        try {
            http.send(request().method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Relays until standard input ends, then ends the session. */
    int relay(InputStream in) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode message;
            try {
                message = json.readTree(line);
            } catch (IOException notJson) {
                write(error(null, -32700, "parse error: a line on standard input is not JSON"));
                continue;
            }
            if ("initialize".equals(message.path("method").asText())) {
                // later messages need the session id its answer carries
                exchange(message);
            } else {
                exchanges.execute(() -> exchange(message));
            }
        }
        exchanges.shutdown();
        exchanges.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        endSession();
        return 0;
    }

    private void exchange(JsonNode message) {
        JsonNode id = message.get("id");
        try {
            HttpResponse<InputStream> response = http.send(request()
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message)))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue(SESSION_HEADER).ifPresent(sessionId::set);
            try (InputStream body = response.body()) {
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() / 100 != 2) {
                    String refusal = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    refused(id, "the platform at " + endpoint + " answered HTTP " + response.statusCode() + ": " + refusal.strip());
                    return;
                }
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                if (stream) {
                    relayEvents(body);
                } else {
                    relayed(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            refused(id, "the platform at " + endpoint + " cannot be reached (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each event's data lines form one message. */
    private void relayEvents(InputStream body) throws IOException {
        BufferedReader events = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = events.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    relayed(data.toString());
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
        if (!data.isEmpty()) {
            relayed(data.toString());
        }
    }

    private void relayed(String text) throws IOException {
        if (text.isBlank()) {
            return;
        }
        JsonNode message = json.readTree(text);
        Optional.ofNullable(message.path("result").get("protocolVersion"))
                .ifPresent(version -> protocolVersion.compareAndSet(null, version.asText()));
        write(message);
    }

    private void refused(JsonNode id, String reason) {
        err.println(reason);
        if (id != null) {
            write(error(id, TRANSPORT_ERROR, reason));
        }
    }

    private ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", code).put("message", message);
        return error;
    }

    private synchronized void write(JsonNode message) {
        try {
            out.println(json.writeValueAsString(message));
            out.flush();
        } catch (IOException e) {
            err.println("cannot write to standard output: " + e);
        }
    }

    private void endSession() {
        if (sessionId.get() == null) {
            return;
        }
        try {
            http.send(request().DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the platform forgets idle sessions by itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + token);
        Optional.ofNullable(sessionId.get()).ifPresent(session -> builder.header(SESSION_HEADER, session));
        Optional.ofNullable(protocolVersion.get()).ifPresent(version -> builder.header("MCP-Protocol-Version", version));
        return builder;
    }
}
