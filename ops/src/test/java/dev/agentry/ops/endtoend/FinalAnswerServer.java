package dev.agentry.ops.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server whose every answer is a final answer, in the wire
 * format of {@code POST /v1/chat/completions}; it counts the requests it got.
 */
final class FinalAnswerServer implements AutoCloseable {

    private static final String ANSWER = """
            {"id":"chatcmpl-%d","object":"chat.completion","created":1764144000,"model":"%s",
             "choices":[{"index":0,"message":{"role":"assistant","content":"All quiet.","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":21,"completion_tokens":4,"total_tokens":25}}
            """;

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private FinalAnswerServer(String model) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, model));
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "final-answer-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static FinalAnswerServer start(String model) {
        try {
            return new FinalAnswerServer(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With {@code /v1}, as {@code agentry.providers.openai-compatible.base-url} takes it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange, String model) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.formatted(requests.incrementAndGet(), model).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
