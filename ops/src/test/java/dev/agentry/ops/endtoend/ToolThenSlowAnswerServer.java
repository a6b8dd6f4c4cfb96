package dev.agentry.ops.endtoend;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server for one agent loop: a request without a tool result gets a
 * {@code current_time} tool call at once; the first request carrying the tool result is held until
 * {@link #release()} (a slow LLM the platform can be killed in front of); later ones get a final answer.
 * It counts both kinds of request.
 */
final class ToolThenSlowAnswerServer extends LocalChatCompletionsServer {

    private static final String TOOL_CALL = """
            {"id":"chatcmpl-tool-%d","object":"chat.completion","created":1764144000,"model":"%s",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
                         "tool_calls":[{"id":"call_time_1","type":"function",
                                        "function":{"name":"current_time","arguments":"{\\"timezone\\":\\"UTC\\"}"}}]},
                         "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}
            """;
    private static final String FINAL_ANSWER = """
            {"id":"chatcmpl-final-%d","object":"chat.completion","created":1764144000,"model":"%s",
             "choices":[{"index":0,"message":{"role":"assistant","content":"It is past noon.","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":70,"completion_tokens":6,"total_tokens":76}}
            """;
    /** a held request is answered at the latest after this, so a failing test never hangs on it */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

    private final String model;
    private final AtomicInteger requestsWithoutToolResult = new AtomicInteger();
    private final AtomicInteger requestsWithToolResult = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private ToolThenSlowAnswerServer(String model) {
        super("tool-then-slow-answer-server");
        this.model = model;
    }

    static ToolThenSlowAnswerServer start(String model) {
        return new ToolThenSlowAnswerServer(model);
    }

    /** Waits until a request with the tool result arrived and is being held. */
    boolean awaitHeldRequest(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held request (and every later one) be answered. */
    void release() {
        released.countDown();
    }

    int requestsWithoutToolResult() {
        return requestsWithoutToolResult.get();
    }

    int requestsWithToolResult() {
        return requestsWithToolResult.get();
    }

    @Override
    String answer(String request) {
        if (!request.contains("\"tool_call_id\"")) {
            return TOOL_CALL.formatted(requestsWithoutToolResult.incrementAndGet(), model);
        }
        int number = requestsWithToolResult.incrementAndGet();
        if (number == 1) {
            held.countDown();
            try {
                released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
        return FINAL_ANSWER.formatted(number, model);
    }

    @Override
    public void close() {
        release();
        super.close();
    }
}
