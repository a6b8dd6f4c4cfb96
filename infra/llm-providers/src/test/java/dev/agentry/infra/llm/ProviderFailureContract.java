package dev.agentry.infra.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider must make of a vendor's failures. Each provider's test extends this and
 * says how its vendor words each failure on the wire.
 */
public abstract class ProviderFailureContract {

    /** Failures every vendor can answer with, each in its own format. */
    public enum VendorError { RATE_LIMITED, SERVER_ERROR, CONTEXT_TOO_LONG, INVALID_REQUEST, BAD_CREDENTIALS, MODEL_NOT_FOUND }

    protected static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(20);

    protected FakeVendorServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    protected abstract LlmProvider createProvider(FakeVendorServer server, Duration timeout);

    /** @param headerNamesAndValues extra response headers, e.g. retry-after */
    protected abstract void answerWithError(VendorError error, String... headerNamesAndValues);

    /** A complete, successful answer in the vendor's format. */
    protected abstract String plainAnswer();

    protected abstract String modelId();

    @BeforeEach
    void startServer() {
        server = FakeVendorServer.start();
    }

    @AfterEach
    void stopServerAndProviders() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
    }

    /** A provider talking to the fake server, closed after the test. */
    protected final LlmProvider provider(FakeVendorServer server, Duration timeout) {
        return closedAfterTest(createProvider(server, timeout));
    }

    protected final <T extends LlmProvider> T closedAfterTest(T provider) {
        if (provider instanceof AutoCloseable closeable) {
            toClose.add(closeable);
        }
        return provider;
    }

    protected LlmRequest question(String text) {
        return new LlmRequest(modelId(), "", List.of(ConversationMessage.user(text)), List.of(), 512, ThinkingMode.none());
    }

    protected LlmCallFailure failureOf(LlmProvider provider) {
        return catchThrowableOfType(LlmCallFailure.class, () -> provider.complete(question("Hello?")));
    }

    @Test
    void aModelTheVendorDoesNotKnowIsModelNotFoundAndNotRetried() {
        answerWithError(VendorError.MODEL_NOT_FOUND);

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.MODEL_NOT_FOUND);
        assertThat(failure.retryable()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRateLimitCarriesTheDelayTheServerAskedForAndIsNotRetriedByTheSdk() {
        answerWithError(VendorError.RATE_LIMITED, "retry-after", "7");

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.retryable()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aServerErrorIsOverloadedAndNotRetriedByTheSdk() {
        answerWithError(VendorError.SERVER_ERROR);

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.OVERLOADED);
        assertThat(failure.retryable()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() {
        server.answerAfter(Duration.ofSeconds(3), 200, plainAnswer());

        LlmCallFailure failure = failureOf(provider(server, Duration.ofMillis(400)));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aTruncatedBodyIsAMalformedResponse() {
        String plain = plainAnswer();
        server.answer(200, plain.substring(0, plain.length() / 2));

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.MALFORMED_RESPONSE);
    }

    @Test
    void aBodyWithoutTheAnswerIsAMalformedResponse() {
        server.answer(200, "{\"unexpected\": true}");

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.MALFORMED_RESPONSE);
    }

    @Test
    void aConversationTooLongForTheModelIsToldApartFromOtherBadRequests() {
        answerWithError(VendorError.CONTEXT_TOO_LONG);
        answerWithError(VendorError.INVALID_REQUEST);
        LlmProvider provider = provider(server, GENEROUS_TIMEOUT);

        LlmCallFailure tooLong = failureOf(provider);
        LlmCallFailure invalid = failureOf(provider);

        assertThat(tooLong.kind()).isEqualTo(LlmFailureKind.CONTEXT_TOO_LONG);
        assertThat(invalid.kind()).isEqualTo(LlmFailureKind.INVALID_REQUEST);
        assertThat(tooLong.retryable()).isFalse();
        assertThat(invalid.retryable()).isFalse();
    }

    @Test
    void rejectedCredentialsAreAnAuthenticationFailure() {
        answerWithError(VendorError.BAD_CREDENTIALS);

        LlmCallFailure failure = failureOf(provider(server, GENEROUS_TIMEOUT));

        assertThat(failure.kind()).isEqualTo(LlmFailureKind.AUTHENTICATION);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aPlainAnswerIsRead() throws Exception {
        server.answer(200, plainAnswer());

        assertThat(provider(server, GENEROUS_TIMEOUT).complete(question("Hello?")).text()).isNotEmpty();
    }
}
