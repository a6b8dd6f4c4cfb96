package dev.agentry.infra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.workflows.llm.LlmFailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statuses the provider tests do not reach through a vendor's SDK. */
class LlmFailureClassifierTest {

    private static LlmFailureKind kindOf(int status, String body) {
        return LlmFailureClassifier.fromHttpStatus("test", status, name -> Optional.empty(), body, null).kind();
    }

    @ParameterizedTest
    @CsvSource({
            "403, AUTHENTICATION",
            "404, INVALID_REQUEST",
            "408, TIMEOUT",
            "413, CONTEXT_TOO_LONG",
            "422, INVALID_REQUEST",
            "424, OVERLOADED",
            "502, OVERLOADED",
            "503, OVERLOADED",
            "529, OVERLOADED"})
    void statusesAreClassifiedAlike(int status, LlmFailureKind kind) {
        assertThat(kindOf(status, "{}")).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prompt is too long: 210000 tokens > 200000 maximum",
            "input length and `max_tokens` exceed context limit: 198000 + 8192 > 200000",
            "This model's maximum context length is 8192 tokens",
            "Input is too long for requested model."})
    void everyVendorsWordingOfAnOverlongConversationIsRecognised(String message) {
        assertThat(kindOf(400, "{\"message\":\"" + message + "\"}")).isEqualTo(LlmFailureKind.CONTEXT_TOO_LONG);
    }

    @Test
    void aTimeoutAnywhereInTheCauseChainIsATimeoutAndAnythingElseUnreachable() {
        assertThat(LlmFailureClassifier.fromTransport("test", new IOException("failed", new InterruptedIOException("timeout"))).kind())
                .isEqualTo(LlmFailureKind.TIMEOUT);
        assertThat(LlmFailureClassifier.fromTransport("test", new IOException("failed", new ConnectException("refused"))).kind())
                .isEqualTo(LlmFailureKind.OVERLOADED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404|{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: claude-sonnet-4-20250514\"}}",
            "404|{\"error\":{\"message\":\"The model `gpt-4` does not exist\",\"code\":\"model_not_found\"}}",
            "404|ResourceNotFoundException: Model not found.",
            "400|ValidationException: The provided model identifier is invalid.",
            "404|{\"object\":\"error\",\"message\":\"The model `llama-9` does not exist.\",\"type\":\"NotFoundError\"}"})
    void everyVendorsWordingOfAnUnknownOrRetiredModelIsModelNotFound(int status, String body) {
        assertThat(kindOf(status, body)).isEqualTo(LlmFailureKind.MODEL_NOT_FOUND);
    }

    @Test
    void aBadRequestThatDoesNotNameTheModelStaysInvalid() {
        assertThat(kindOf(400, "ValidationException: messages.0.content: Field required"))
                .isEqualTo(LlmFailureKind.INVALID_REQUEST);
    }
}
