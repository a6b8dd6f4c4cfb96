package dev.agentry.infra.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Transcripts in an S3 bucket instead of the local folder.
 *
 * @param bucket   the bucket; unset keeps transcripts in the local folder
 * @param prefix   the key prefix, transcripts are stored as {@code <prefix>/<run id>.json}
 * @param region   the bucket's region; unset takes the region from the AWS default chain
 * @param endpoint an S3-compatible endpoint instead of AWS's own (then addressed path-style)
 */
@ConfigurationProperties("agentry.transcripts.s3")
record S3TranscriptProperties(String bucket, @DefaultValue("transcripts") String prefix, String region, URI endpoint) {

    boolean configured() {
        return bucket != null && !bucket.isBlank();
    }
}
