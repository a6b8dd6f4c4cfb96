package dev.agentry.infra.blob;

import dev.agentry.workflows.run.RunTranscripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;


/**
 * Transcripts in the S3 bucket {@code agentry.transcripts.s3.bucket} when one is set, with credentials from the
 * AWS default chain (IRSA on EKS); otherwise in {@code AGENTRY_HOME/transcripts}.
 */
@Configuration(proxyBeanMethods = false)
class RunTranscriptsConfiguration {

    @Bean
    RunTranscripts runTranscripts(S3TranscriptProperties s3, LocalFolderProperties localFolder) {
        if (s3.configured()) {
            return S3RunTranscripts.connect(s3, DefaultCredentialsProvider.builder().build());
        }
        return new LocalFolderRunTranscripts(localFolder.transcripts());
    }
}
