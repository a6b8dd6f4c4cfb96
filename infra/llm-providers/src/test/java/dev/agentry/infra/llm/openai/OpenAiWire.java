package dev.agentry.infra.llm.openai;

import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.llm.ProviderFailureContract.VendorError;

/** How OpenAI (and the servers that copy it) put answers and errors on the wire. */
final class OpenAiWire {

    private OpenAiWire() {
    }

    static String plainAnswer(String model) {
        return """
                {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
                 "model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there.","refusal":null,"annotations":[]},
                             "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                          "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default","system_fingerprint":"fp_fc9f1d7035"}
                """.formatted(model);
    }

    static void answerWithError(FakeVendorServer server, VendorError error, String... headers) {
        switch (error) {
            case RATE_LIMITED -> server.answer(429, error("Rate limit reached for gpt-5 on tokens per min (TPM): Limit 30000, Used 30000.", "tokens", "rate_limit_exceeded"), headers);
            case SERVER_ERROR -> server.answer(500, error("The server had an error while processing your request. Sorry about that!", "server_error", null), headers);
            case CONTEXT_TOO_LONG -> server.answer(400, error("This model's maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens.", "invalid_request_error", "context_length_exceeded"), headers);
            case INVALID_REQUEST -> server.answer(400, error("Invalid schema for function 'weather': 'object' is not valid under any of the given schemas.", "invalid_request_error", "invalid_function_parameters"), headers);
            case MODEL_NOT_FOUND -> server.answer(404, error("The model `gpt-4.5-preview` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"), headers);
            case BAD_CREDENTIALS -> server.answer(401, error("Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"), headers);
        }
    }

    private static String error(String message, String type, String code) {
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + codeJson + "}}";
    }
}
