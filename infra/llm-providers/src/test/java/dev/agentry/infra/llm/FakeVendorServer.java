package dev.agentry.infra.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A local HTTP server that plays a vendor's API: it answers with the responses queued on it, in
 * order, and records every request the SDK sent.
 */
public final class FakeVendorServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param receivedAtNanos {@link System#nanoTime()} when the request arrived, to measure the gaps between them */
    public record RecordedRequest(String method, String rawPath, Map<String, List<String>> headers, String body,
                                  long receivedAtNanos) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Answer(int status, String body, Map<String, String> headers, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-vendor-server");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private volatile Answer whenNothingQueued = new Answer(500, "{\"error\":\"no answer queued\"}", Map.of(), Duration.ZERO);

    private FakeVendorServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public static FakeVendorServer start() {
        try {
            return new FakeVendorServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param headerNamesAndValues alternating header names and values */
    public FakeVendorServer answer(int status, String body, String... headerNamesAndValues) {
        return answerAfter(Duration.ZERO, status, body, headerNamesAndValues);
    }

    public FakeVendorServer answerAfter(Duration delay, int status, String body, String... headerNamesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        answers.add(new Answer(status, body, headers, delay));
        return this;
    }

    /** The answer to every request for which none is queued, e.g. a server that is down. */
    public FakeVendorServer answerWhenNothingQueued(int status, String body) {
        whenNothingQueued = new Answer(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        return this;
    }

    /** Drops the answers still queued, so that what one test left over does not answer the next. */
    public FakeVendorServer forgetQueuedAnswers() {
        answers.clear();
        return this;
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            Answer answer = answers.poll();
            if (answer == null) {
                answer = whenNothingQueued;
            }
            Thread.sleep(answer.delay().toMillis());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
