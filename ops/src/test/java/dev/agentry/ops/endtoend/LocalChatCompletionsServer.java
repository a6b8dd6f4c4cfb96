package dev.agentry.ops.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** An OpenAI-compatible server on a free local port that answers {@code POST /v1/chat/completions}. */
public abstract class LocalChatCompletionsServer implements AutoCloseable {

    private final HttpServer server;

    LocalChatCompletionsServer(String threadName) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Reply reply = reply(request);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException callerWentAway) {
                // a platform killed while it waited for this answer: nobody is left to read it
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** An HTTP status and its JSON body. */
    record Reply(int status, String body) {
    }

    /** The chat-completion JSON for one request body; may take its time. */
    abstract String answer(String request);

    /** What one request gets: by default its {@link #answer} with 200; a server may refuse some requests instead. */
    Reply reply(String request) {
        return new Reply(200, answer(request));
    }

    /** With {@code /v1}, as {@code agentry.providers.openai-compatible.base-url} takes it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The platform's arguments that make this server the provider of the basic, standard and advanced tiers, then {@code others}. */
    String[] platformArguments(String model, String... others) {
        return Stream.concat(Stream.of(
                        "--agentry.providers.openai-compatible.base-url=" + baseUrl(),
                        "--agentry.providers.openai-compatible.models.basic=" + model,
                        "--agentry.providers.openai-compatible.models.standard=" + model,
                        "--agentry.providers.openai-compatible.models.advanced=" + model),
                Stream.of(others)).toArray(String[]::new);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
