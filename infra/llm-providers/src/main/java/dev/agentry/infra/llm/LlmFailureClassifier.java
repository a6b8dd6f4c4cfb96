package dev.agentry.infra.llm;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns what a provider's SDK reports into an {@link LlmCallFailure}, the same way for every
 * provider, so the run workflow can retry by kind rather than by vendor.
 */
public final class LlmFailureClassifier {

    /** How the vendors word an over-long conversation in their 400 answers. */
    private static final List<String> CONTEXT_TOO_LONG_PHRASES = List.of(
            "prompt is too long",              // Anthropic, also through Bedrock
            "exceed context limit",            // Anthropic: input plus max_tokens too large
            "context_length_exceeded",         // OpenAI error code
            "maximum context length",          // OpenAI and OpenAI-compatible servers
            "context window",
            "input is too long",               // Bedrock
            "too many input tokens");
    /** How the vendors say that they do not know the model id, or no longer serve it. */
    private static final List<String> MODEL_NOT_FOUND_PHRASES = List.of(
            "not_found_error",                 // Anthropic
            "model_not_found",                 // OpenAI error code
            "resourcenotfoundexception");      // Bedrock
    /** Bedrock answers an invalid or retired model id with a ValidationException that names the model id. */
    private static final List<String> MODEL_ID_PHRASES = List.of("model identifier", "model id");
    private static final int BODY_EXCERPT_LENGTH = 300;

    private LlmFailureClassifier() {
    }

    /**
     * @param header the first value of a response header by case-insensitive name
     * @param body the error body as text, for the message and to recognise an over-long context
     */
    public static LlmCallFailure fromHttpStatus(String provider, int status,
            Function<String, Optional<String>> header, String body, Throwable cause) {
        String text = body == null ? "" : body;
        String message = provider + " answered HTTP " + status + ": " + excerpt(text);
        if (status == 429) {
            Duration retryAfter = RetryAfter.fromHeaders(header, Clock.systemUTC()).orElse(null);
            return new LlmCallFailure(LlmFailureKind.RATE_LIMITED, message, retryAfter, cause);
        }
        return new LlmCallFailure(kindOf(status, text), message, cause);
    }

    /** A failure before any HTTP answer: a timeout, or a provider that could not be reached. */
    public static LlmCallFailure fromTransport(String provider, Throwable cause) {
        if (isTimeout(cause)) {
            return timeout(provider, cause);
        }
        return new LlmCallFailure(LlmFailureKind.OVERLOADED, provider + " unreachable: " + cause.getMessage(), cause);
    }

    public static LlmCallFailure timeout(String provider, Throwable cause) {
        return new LlmCallFailure(LlmFailureKind.TIMEOUT, provider + " did not answer in time", cause);
    }

    public static LlmCallFailure malformed(String provider, String detail, Throwable cause) {
        return new LlmCallFailure(LlmFailureKind.MALFORMED_RESPONSE, provider + " answer unreadable: " + detail, cause);
    }

    public static LlmCallFailure invalidRequest(String provider, String detail, Throwable cause) {
        return new LlmCallFailure(LlmFailureKind.INVALID_REQUEST, provider + ": " + detail, cause);
    }

    public static LlmCallFailure unavailable(String provider) {
        return new LlmCallFailure(LlmFailureKind.PROVIDER_UNAVAILABLE, provider + " is unknown or has no credentials configured");
    }

    static boolean isTimeout(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, InterruptedIOException.class) != null
                || ExceptionUtils.throwableOfType(failure, HttpTimeoutException.class) != null;
    }

    private static LlmFailureKind kindOf(int status, String body) {
        if (status == 401 || status == 403) {
            return LlmFailureKind.AUTHENTICATION;
        }
        if (status == 408) {
            return LlmFailureKind.TIMEOUT;
        }
        if (status >= 400 && status < 500 && answersModelNotFound(status, body)) {
            return LlmFailureKind.MODEL_NOT_FOUND;
        }
        if (status == 413 || (status >= 400 && status < 500 && mentionsContextTooLong(body))) {
            return LlmFailureKind.CONTEXT_TOO_LONG;
        }
        // 424: Bedrock's model failed behind the service, as transient as a 5xx
        if (status >= 500 || status == 424) {
            return LlmFailureKind.OVERLOADED;
        }
        return LlmFailureKind.INVALID_REQUEST;
    }

    private static boolean answersModelNotFound(int status, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        if (MODEL_NOT_FOUND_PHRASES.stream().anyMatch(lower::contains)) {
            return true;
        }
        if (lower.contains("validationexception") && MODEL_ID_PHRASES.stream().anyMatch(lower::contains)) {
            return true;
        }
        // OpenAI-compatible servers (vLLM, Ollama, ...) answer an unknown model with a plain 404 that names it
        return status == 404 && lower.contains("model");
    }

    private static boolean mentionsContextTooLong(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return CONTEXT_TOO_LONG_PHRASES.stream().anyMatch(lower::contains);
    }

    private static String excerpt(String body) {
        return body.length() <= BODY_EXCERPT_LENGTH ? body : body.substring(0, BODY_EXCERPT_LENGTH) + "...";
    }
}
