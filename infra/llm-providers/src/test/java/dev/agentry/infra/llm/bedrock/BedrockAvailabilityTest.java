package dev.agentry.infra.llm.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With nothing for the default chains to find, Bedrock is unavailable instead of failing at startup. */
class BedrockAvailabilityTest {

    private static final Map<String, String> NOTHING_TO_FIND = Map.of(
            "aws.sharedCredentialsFile", "/nonexistent/agentry/credentials",
            "aws.configFile", "/nonexistent/agentry/config",
            "aws.disableEc2Metadata", "true");
    private static final List<String> CLEARED = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region");

    private final Map<String, String> previous = new HashMap<>();
    private FakeVendorServer server;

    @BeforeEach
    void hideEveryCredential() {
        assumeTrue(Stream.of("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_REGION", "AWS_DEFAULT_REGION")
                .allMatch(variable -> System.getenv(variable) == null), "AWS settings in the environment");
        Stream.concat(NOTHING_TO_FIND.keySet().stream(), CLEARED.stream())
                .forEach(name -> previous.put(name, System.getProperty(name)));
        NOTHING_TO_FIND.forEach(System::setProperty);
        CLEARED.forEach(System::clearProperty);
        server = FakeVendorServer.start();
    }

    @AfterEach
    void restore() {
        if (server != null) {
            server.close();
        }
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void withARegionButNoCredentialsBedrockIsUnavailableAndSendsNothing() {
        try (BedrockProvider provider = new BedrockProvider("eu-west-1", URI.create(server.url()), Duration.ofSeconds(5))) {
            LlmCallFailure failure = catchThrowableOfType(LlmCallFailure.class, () -> provider.complete(new LlmRequest(
                    "anthropic.claude-3-haiku-20240307-v1:0", "", List.of(ConversationMessage.user("Hi")), List.of(), 64,
                    ThinkingMode.none())));

            assertThat(provider.available()).isFalse();
            assertThat(failure.kind()).isEqualTo(LlmFailureKind.PROVIDER_UNAVAILABLE);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void withoutARegionBedrockIsUnavailableEvenWithCredentials() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        try (BedrockProvider noRegion = new BedrockProvider(null, URI.create(server.url()), Duration.ofSeconds(5));
                BedrockProvider withRegion = new BedrockProvider("eu-west-1", URI.create(server.url()), Duration.ofSeconds(5))) {
            assertThat(noRegion.available()).isFalse();
            assertThat(withRegion.available()).isTrue();
        }
    }
}
