package dev.agentry.infra.llm.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentry.infra.llm.LlmFailureClassifier;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Claude through Anthropic's Messages API. */
public final class AnthropicProvider implements LlmProvider, AutoCloseable {

    public static final String NAME = "anthropic";

    private final AnthropicClient client;

    /**
     * @param apiKey null or blank leaves the provider unavailable
     * @param baseUrl the API root without {@code /v1}; null for Anthropic's own
     */
    public AnthropicProvider(String apiKey, String baseUrl, Duration timeout) {
        this.client = apiKey == null || apiKey.isBlank() ? null : AnthropicOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl == null || baseUrl.isBlank() ? null : baseUrl)
                .timeout(timeout)
                .maxRetries(0) // the run workflow retries, by failure kind
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available() {
        return client != null;
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmCallFailure {
        if (client == null) {
            throw LlmFailureClassifier.unavailable(NAME);
        }
        try {
            return AnthropicResponses.toResponse(client.messages().create(AnthropicRequests.toParams(request)));
        } catch (AnthropicServiceException e) {
            throw LlmFailureClassifier.fromHttpStatus(NAME, e.statusCode(),
                    header -> e.headers().values(header).stream().findFirst(),
                    bodyText(e), e);
        } catch (AnthropicIoException e) {
            throw LlmFailureClassifier.fromTransport(NAME, e);
        } catch (AnthropicInvalidDataException | UncheckedIOException e) {
            throw LlmFailureClassifier.malformed(NAME, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw LlmFailureClassifier.invalidRequest(NAME, e.getMessage(), e);
        }
    }

    private static String bodyText(AnthropicServiceException e) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(e.body());
        } catch (JsonProcessingException unwritable) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
