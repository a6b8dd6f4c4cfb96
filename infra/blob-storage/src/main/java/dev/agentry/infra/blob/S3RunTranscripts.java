package dev.agentry.infra.blob;

import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/**
 * Transcripts as objects {@code <prefix>/<run id>.json} in one bucket, so that every node reads what any node
 * stored. The reference is {@code s3://<bucket>/<key>}: a reference of another bucket or of the local folder is
 * simply not found here. Throttling ({@code 503 SlowDown}) and server errors are retried by the SDK's standard
 * retry strategy, with backoff; what still fails reaches the caller (a run's activity, which Temporal retries).
 */
final class S3RunTranscripts implements RunTranscripts, AutoCloseable {

    private static final String SCHEME = "s3://";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    private S3RunTranscripts(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    static S3RunTranscripts connect(S3TranscriptProperties properties, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder());
        if (properties.region() != null && !properties.region().isBlank()) {
            builder.region(Region.of(properties.region().trim()));
        }
        if (properties.endpoint() != null) {
            // S3-compatible servers rarely resolve bucket host names, nor read aws-chunked bodies over plain HTTP
            builder.endpointOverride(properties.endpoint())
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .chunkedEncodingEnabled(false)
                            .build());
        }
        String prefix = properties.prefix() == null ? "" : properties.prefix().replaceAll("^/+|/+$", "");
        return new S3RunTranscripts(builder.build(), properties.bucket().trim(), prefix);
    }

    @Override
    public String store(RunTranscript transcript) {
        String key = (prefix.isEmpty() ? "" : prefix + "/") + TranscriptFileName.of(transcript.runId());
        client.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(TranscriptJson.write(transcript)));
        return SCHEME + bucket + "/" + key;
    }

    @Override
    public Optional<RunTranscript> find(String reference) {
        String ours = SCHEME + bucket + "/";
        if (reference == null || !reference.startsWith(ours) || reference.length() == ours.length()) {
            return Optional.empty();
        }
        String key = reference.substring(ours.length());
        try {
            byte[] json = client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            return Optional.of(TranscriptJson.read(json));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
