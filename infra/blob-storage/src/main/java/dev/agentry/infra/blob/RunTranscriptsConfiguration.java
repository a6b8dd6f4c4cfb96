package dev.agentry.infra.blob;

import dev.agentry.workflows.run.RunTranscripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Transcripts in {@code AGENTRY_HOME/transcripts}. */
@Configuration(proxyBeanMethods = false)
class RunTranscriptsConfiguration {

    @Bean
    RunTranscripts runTranscripts(LocalFolderProperties properties) {
        return new LocalFolderRunTranscripts(properties.transcripts());
    }
}
