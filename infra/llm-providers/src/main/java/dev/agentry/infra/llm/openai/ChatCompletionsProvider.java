package dev.agentry.infra.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.agentry.infra.llm.LlmFailureClassifier;
import dev.agentry.infra.llm.MalformedAnswerException;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import java.time.Duration;

/** Models behind the chat completions API: OpenAI itself, or any OpenAI-compatible server. */
public final class ChatCompletionsProvider implements LlmProvider, AutoCloseable {

    public static final String OPENAI = "openai";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    private final String name;
    private final OpenAIClient client;

    private ChatCompletionsProvider(String name, OpenAIClient client) {
        this.name = name;
        this.client = client;
    }

    /**
     * @param apiKey null or blank leaves the provider unavailable
     * @param baseUrl the API root including {@code /v1}; null for OpenAI's own
     */
    public static ChatCompletionsProvider openAi(String apiKey, String baseUrl, Duration timeout) {
        if (isBlank(apiKey)) {
            return new ChatCompletionsProvider(OPENAI, null);
        }
        OpenAIOkHttpClient.Builder client = clientBuilder(timeout).apiKey(apiKey);
        if (!isBlank(baseUrl)) {
            client.baseUrl(baseUrl);
        }
        return new ChatCompletionsProvider(OPENAI, client.build());
    }

    /**
     * @param baseUrl the server's API root including {@code /v1}; null or blank leaves the provider unavailable
     * @param apiKey optional: many self-hosted servers want none
     */
    public static ChatCompletionsProvider openAiCompatible(String baseUrl, String apiKey, Duration timeout) {
        if (isBlank(baseUrl)) {
            return new ChatCompletionsProvider(OPENAI_COMPATIBLE, null);
        }
        OpenAIOkHttpClient.Builder client = clientBuilder(timeout).baseUrl(baseUrl);
        if (isBlank(apiKey)) {
            // The SDK insists on a credential; removing the header it becomes sends none at all.
            client.apiKey("none").removeHeaders("Authorization");
        } else {
            client.apiKey(apiKey);
        }
        return new ChatCompletionsProvider(OPENAI_COMPATIBLE, client.build());
    }

    private static OpenAIOkHttpClient.Builder clientBuilder(Duration timeout) {
        return OpenAIOkHttpClient.builder()
                .timeout(timeout)
                .maxRetries(0); // the run workflow retries, by failure kind
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean available() {
        return client != null;
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmCallFailure {
        if (client == null) {
            throw LlmFailureClassifier.unavailable(name);
        }
        try {
            return ChatCompletionsResponses.toResponse(
                    client.chat().completions().create(ChatCompletionsRequests.toParams(request)));
        } catch (OpenAIServiceException e) {
            throw LlmFailureClassifier.fromHttpStatus(name, e.statusCode(),
                    header -> e.headers().values(header).stream().findFirst(), bodyText(e), e);
        } catch (OpenAIIoException e) {
            throw LlmFailureClassifier.fromTransport(name, e);
        } catch (OpenAIInvalidDataException | MalformedAnswerException e) {
            throw LlmFailureClassifier.malformed(name, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw LlmFailureClassifier.invalidRequest(name, e.getMessage(), e);
        }
    }

    private static String bodyText(OpenAIServiceException e) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(e.body());
        } catch (JsonProcessingException unwritable) {
            return e.getMessage();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
