package dev.agentry.ops.endtoend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * An OpenAI-compatible chat-completions server for the agent loop of any number of runs: a request without a
 * tool result gets a {@code current_time} tool call, a request carrying the tool result gets the final answer.
 * Holding, it keeps the first request with a tool result waiting until {@link #release()}, a slow LLM the
 * platform can be killed in front of. It answers in the model the request asked for and counts both kinds
 * of request. A conversation whose text carries {@code e2e-llm-refuses-first-N-of-KEY} (in an agent's
 * instructions, say) is refused with HTTP 400, as a provider refuses a request it cannot take, for the first N
 * requests carrying that KEY: runs that fail until the server "recovers".
 */
final class ToolThenAnswerServer extends LocalChatCompletionsServer {

    static final String TOOL_CALL_ID = "call_time_1";
    static final String TOOL_NAME = "current_time";
    static final String TOOL_ARGUMENTS = "{\"timezone\":\"Europe/Berlin\"}";
    static final String FINAL_ANSWER = "It is morning in Berlin.";
    private static final int TOOL_CALL_PROMPT_TOKENS = 40;
    private static final int TOOL_CALL_COMPLETION_TOKENS = 12;
    private static final int FINAL_ANSWER_PROMPT_TOKENS = 70;
    private static final int FINAL_ANSWER_COMPLETION_TOKENS = 6;

    private static final String TOOL_CALL = """
            {"id":"chatcmpl-tool-%d","object":"chat.completion","created":1764144000,"model":%s,
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
                         "tool_calls":[{"id":%s,"type":"function","function":{"name":%s,"arguments":%s}}]},
                         "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
            """;
    private static final String ANSWER = """
            {"id":"chatcmpl-final-%d","object":"chat.completion","created":1764144000,"model":%s,
             "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
            """;
    /** a held request is answered at the latest after this, so a failing test never hangs on it */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFUSAL = Pattern.compile("e2e-llm-refuses-first-(\\d+)-of-([A-Za-z0-9-]+)");
    private static final String REFUSED = """
            {"error":{"message":"e2e: this model refuses the request","type":"invalid_request_error","param":null,"code":null}}
            """;

    private final Map<String, AtomicInteger> refusedByKey = new ConcurrentHashMap<>();

    private final AtomicInteger requestsWithoutToolResult = new AtomicInteger();
    private final AtomicInteger requestsWithToolResult = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released;

    private ToolThenAnswerServer(boolean holdsTheFirstToolResult) {
        super("tool-then-answer-server");
        released = new CountDownLatch(holdsTheFirstToolResult ? 1 : 0);
    }

    /** Every request is answered as soon as it arrives. */
    static ToolThenAnswerServer answeringAtOnce() {
        return new ToolThenAnswerServer(false);
    }

    /** The first request carrying a tool result waits for {@link #release()}; every other one is answered at once. */
    static ToolThenAnswerServer holdingTheFirstToolResult() {
        return new ToolThenAnswerServer(true);
    }

    /**
     * What every run's conversation gets from this server, for a client that checks a run's transcript:
     * {@code {"tool_call":{"id","name","arguments":{...}},"final_answer","usage":{"input_tokens","output_tokens"}}},
     * the usage being that of both answers together.
     */
    String conversationJson() {
        ObjectNode conversation = JSON.createObjectNode();
        ObjectNode toolCall = conversation.putObject("tool_call").put("id", TOOL_CALL_ID).put("name", TOOL_NAME);
        toolCall.set("arguments", parse(TOOL_ARGUMENTS));
        conversation.put("final_answer", FINAL_ANSWER);
        conversation.putObject("usage")
                .put("input_tokens", TOOL_CALL_PROMPT_TOKENS + FINAL_ANSWER_PROMPT_TOKENS)
                .put("output_tokens", TOOL_CALL_COMPLETION_TOKENS + FINAL_ANSWER_COMPLETION_TOKENS);
        return conversation.toString();
    }

    /** Waits until a request with the tool result arrived and, holding, is being held. */
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
    Reply reply(String request) {
        Matcher refusal = REFUSAL.matcher(request);
        if (refusal.find()) {
            int refusals = Integer.parseInt(refusal.group(1));
            if (refusedByKey.computeIfAbsent(refusal.group(2), key -> new AtomicInteger()).getAndIncrement() < refusals) {
                return new Reply(400, REFUSED);
            }
        }
        return super.reply(request);
    }

    @Override
    String answer(String request) {
        JsonNode body = parse(request);
        String model = quoted(body.path("model").asText());
        if (!carriesAToolResult(body)) {
            return TOOL_CALL.formatted(requestsWithoutToolResult.incrementAndGet(), model,
                    quoted(TOOL_CALL_ID), quoted(TOOL_NAME), quoted(TOOL_ARGUMENTS),
                    TOOL_CALL_PROMPT_TOKENS, TOOL_CALL_COMPLETION_TOKENS, TOOL_CALL_PROMPT_TOKENS + TOOL_CALL_COMPLETION_TOKENS);
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
        return ANSWER.formatted(number, model, quoted(FINAL_ANSWER), FINAL_ANSWER_PROMPT_TOKENS,
                FINAL_ANSWER_COMPLETION_TOKENS, FINAL_ANSWER_PROMPT_TOKENS + FINAL_ANSWER_COMPLETION_TOKENS);
    }

    @Override
    public void close() {
        release();
        super.close();
    }

    /** A tool result travels as a message of role {@code tool}. */
    private static boolean carriesAToolResult(JsonNode request) {
        return StreamSupport.stream(request.path("messages").spliterator(), false)
                .anyMatch(message -> "tool".equals(message.path("role").asText()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** The text as a JSON string literal, quotes and escapes included. */
    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
