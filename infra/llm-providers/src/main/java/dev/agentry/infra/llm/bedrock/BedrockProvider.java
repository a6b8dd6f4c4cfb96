package dev.agentry.infra.llm.bedrock;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.infra.llm.LlmFailureClassifier;
import dev.agentry.infra.llm.MalformedAnswerException;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmProvider;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;

/**
 * Models on AWS Bedrock through the Converse API. Credentials come only from the default chain
 * (environment, profile, web identity such as IRSA, instance role), never from configuration.
 */
public final class BedrockProvider implements LlmProvider, AutoCloseable {

    public static final String NAME = "bedrock";

    // Probing the chain without credentials can take seconds (instance metadata), so the answer is kept a while.
    private static final Duration AVAILABILITY_RECHECK = Duration.ofMinutes(1);

    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final BedrockRuntimeClient client;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant availabilityCheckedAt = Instant.MIN;
    private volatile boolean credentialsResolved;

    /**
     * @param region null to take the region from the default chain; without one the provider is unavailable
     * @param endpoint null for Bedrock's own endpoint of the region
     */
    public BedrockProvider(String region, URI endpoint, Duration timeout) {
        this.client = resolveRegion(region).map(resolved -> {
            var builder = BedrockRuntimeClient.builder()
                    .region(resolved)
                    .credentialsProvider(credentials)
                    .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(timeout))
                    .overrideConfiguration(config -> config
                            .retryStrategy(AwsRetryStrategy.doNotRetry()) // the run workflow retries, by failure kind
                            .apiCallTimeout(timeout));
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            return builder.build();
        }).orElse(null);
    }

    private static Optional<Region> resolveRegion(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Region.of(configured));
        }
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion());
        } catch (SdkClientException noRegion) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available() {
        if (client == null) {
            return false;
        }
        Instant now = clock.instant();
        if (availabilityCheckedAt.plus(AVAILABILITY_RECHECK).isBefore(now)) {
            credentialsResolved = credentialsResolve();
            availabilityCheckedAt = now;
        }
        return credentialsResolved;
    }

    private boolean credentialsResolve() {
        try {
            credentials.resolveCredentials();
            return true;
        } catch (SdkException none) {
            return false;
        }
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmCallFailure {
        if (!available()) {
            throw LlmFailureClassifier.unavailable(NAME);
        }
        try {
            return BedrockResponses.toResponse(client.converse(BedrockRequests.toRequest(request)), request.modelId());
        } catch (AwsServiceException e) {
            throw LlmFailureClassifier.fromHttpStatus(NAME, e.statusCode(),
                    header -> Optional.ofNullable(e.awsErrorDetails())
                            .flatMap(details -> details.sdkHttpResponse().firstMatchingHeader(header)),
                    errorText(e), e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw LlmFailureClassifier.timeout(NAME, e);
        } catch (SdkClientException e) {
            throw unparseable(e) ? LlmFailureClassifier.malformed(NAME, e.getMessage(), e)
                    : LlmFailureClassifier.fromTransport(NAME, e);
        } catch (MalformedAnswerException e) {
            throw LlmFailureClassifier.malformed(NAME, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw LlmFailureClassifier.invalidRequest(NAME, e.getMessage(), e);
        }
    }

    /** The SDK reports a body it cannot parse as a client failure caused by its (shaded) Jackson. */
    private static boolean unparseable(SdkClientException failure) {
        return ExceptionUtils.throwableOfType(failure, JsonProcessingException.class) != null;
    }

    private static String errorText(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        credentials.close();
    }
}
