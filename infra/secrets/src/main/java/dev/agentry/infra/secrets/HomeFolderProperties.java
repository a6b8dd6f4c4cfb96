package dev.agentry.infra.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** @param home {@code AGENTRY_HOME}: the local master key is its {@code master.key} */
@ConfigurationProperties("agentry")
record HomeFolderProperties(Path home) {

    Path masterKeyFile() {
        return home.resolve("master.key");
    }
}
