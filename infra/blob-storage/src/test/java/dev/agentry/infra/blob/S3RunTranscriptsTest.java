package dev.agentry.infra.blob;

import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.run.RunTranscript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real AWS SDK client against a local server that speaks S3's REST wire format. */
class S3RunTranscriptsTest {

    private static final String BUCKET = "agentry-transcripts";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";

    private final LocalS3Server s3 = LocalS3Server.start(BUCKET);
    private final S3RunTranscripts store = S3RunTranscripts.connect(
            new S3TranscriptProperties(BUCKET, "runs/transcripts/", "eu-central-1", s3.endpoint()),
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));

    @AfterEach
    void stopTheServer() {
        store.close();
        s3.close();
    }

    @Test
    void aStoredTranscriptIsAnObjectUnderThePrefixAndReadsBackByItsReference() {
        RunTranscript transcript = transcript("run-agent-1-1780000000");

        String reference = store.store(transcript);

        assertThat(reference).isEqualTo("s3://agentry-transcripts/runs/transcripts/run-agent-1-1780000000.json");
        assertThat(s3.object("runs/transcripts/run-agent-1-1780000000.json")).hasValueSatisfying(json ->
                assertThat(json).contains("\"runId\":\"run-agent-1-1780000000\"")
                        .contains("It is noon."));
        assertThat(store.find(reference)).contains(transcript);
        assertThat(s3.requests()).extracting(LocalS3Server.Request::method, LocalS3Server.Request::path)
                .containsExactly(
                        tuple("PUT", "/agentry-transcripts/runs/transcripts/run-agent-1-1780000000.json"),
                        tuple("GET", "/agentry-transcripts/runs/transcripts/run-agent-1-1780000000.json"));
        assertThat(s3.requests()).allSatisfy(request -> assertThat(request.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/").contains("/eu-central-1/s3/aws4_request"));
    }

    @Test
    void storingARunAgainReplacesItsObject() {
        store.store(transcript("run-1"));
        RunTranscript second = new RunTranscript("agent-1", "run-1", "other-model", Instant.parse("2026-05-04T10:00:00Z"),
                Instant.parse("2026-05-04T10:00:01Z"), "Again.", List.of(), List.of(ConversationMessage.user("Go")),
                "done", null, null, new TokenUsage(1, 1));

        String reference = store.store(second);

        assertThat(store.find(reference)).contains(second);
    }

    @Test
    void aKeyNotInTheBucketIsNotFound() {
        assertThat(store.find("s3://agentry-transcripts/runs/transcripts/never-stored.json")).isEmpty();
        assertThat(s3.requests()).singleElement().extracting(LocalS3Server.Request::method).isEqualTo("GET");
    }

    @Test
    void aReferenceOfAnotherStoreIsNotFoundWithoutAsking() {
        assertThat(store.find("transcripts/run-agent-1-1780000000.json")).isEmpty();
        assertThat(store.find("s3://another-bucket/runs/transcripts/run-1.json")).isEmpty();
        assertThat(store.find("s3://agentry-transcripts/")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(s3.requests()).isEmpty();
    }

    @Test
    void slowDownIsRetriedUntilTheObjectIsStoredAndRead() {
        s3.slowDownNext(2);
        String reference = store.store(transcript("run-throttled"));

        s3.slowDownNext(2);
        assertThat(store.find(reference)).contains(transcript("run-throttled"));

        assertThat(s3.requests()).extracting(LocalS3Server.Request::method)
                .containsExactly("PUT", "PUT", "PUT", "GET", "GET", "GET");
    }

    @Test
    void aBucketThatRefusesFailsTheCallInsteadOfLosingTheTranscript() {
        s3.refuseEverything();

        assertThatThrownBy(() -> store.store(transcript("run-refused")))
                .isInstanceOfSatisfying(S3Exception.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(403);
                    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
        assertThatThrownBy(() -> store.find("s3://agentry-transcripts/runs/transcripts/run-refused.json"))
                .isInstanceOf(S3Exception.class);
    }

    @Test
    void anyRunIdStaysOneObjectUnderThePrefix() {
        String reference = store.store(transcript("../escape/a b"));

        assertThat(reference).isEqualTo("s3://agentry-transcripts/runs/transcripts/%2E.%2Fescape%2Fa+b.json");
        assertThat(store.find(reference)).contains(transcript("../escape/a b"));
    }

    private static RunTranscript transcript(String runId) {
        return new RunTranscript("agent-1", runId, "test-model",
                Instant.parse("2026-05-04T09:00:00Z"), Instant.parse("2026-05-04T09:00:05Z"), "Report the time.",
                List.of(), List.of(ConversationMessage.user("Go"),
                        ConversationMessage.assistant(List.of(new ContentPart.ToolCall("c1", "current_time", "{}"))),
                        ConversationMessage.user(List.of(new ContentPart.ToolResult("c1", "noon", false))),
                        ConversationMessage.assistant(List.of(new ContentPart.Text("It is noon.")))),
                "It is noon.", null, null, new TokenUsage(10, 5));
    }
}
