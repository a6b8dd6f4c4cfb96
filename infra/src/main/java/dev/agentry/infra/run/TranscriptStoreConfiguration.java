package dev.agentry.infra.run;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Transcripts in {@code AGENTRY_HOME/transcripts}; an S3 store replaces this bean in production. */
@Configuration(proxyBeanMethods = false)
class TranscriptStoreConfiguration {

    @Bean
    TranscriptStore transcriptStore(@Value("${agentry.home}") Path home) {
        return new LocalFolderTranscriptStore(home.resolve("transcripts"));
    }
}
