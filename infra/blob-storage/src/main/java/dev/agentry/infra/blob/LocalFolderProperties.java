package dev.agentry.infra.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** @param home {@code AGENTRY_HOME}: transcripts are kept in its {@code transcripts} folder */
@ConfigurationProperties("agentry")
record LocalFolderProperties(Path home) {

    Path transcripts() {
        return home.resolve("transcripts");
    }
}
