package dev.agentry.ops.endtoend;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server whose every answer is a final answer, in the wire
 * format of {@code POST /v1/chat/completions}; it counts the requests it got.
 */
public final class FinalAnswerServer extends LocalChatCompletionsServer {

    private static final String ANSWER = """
            {"id":"chatcmpl-%d","object":"chat.completion","created":1764144000,"model":"%s",
             "choices":[{"index":0,"message":{"role":"assistant","content":"All quiet.","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":21,"completion_tokens":4,"total_tokens":25}}
            """;

    private final String model;
    private final AtomicInteger requests = new AtomicInteger();

    private FinalAnswerServer(String model) {
        super("final-answer-server");
        this.model = model;
    }

    public static FinalAnswerServer start(String model) {
        return new FinalAnswerServer(model);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    String answer(String request) {
        return ANSWER.formatted(requests.incrementAndGet(), model);
    }
}
