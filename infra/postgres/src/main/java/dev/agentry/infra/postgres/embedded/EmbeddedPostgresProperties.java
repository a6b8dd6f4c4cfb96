package dev.agentry.infra.postgres.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** @param home {@code AGENTRY_HOME}: the embedded PostgreSQL keeps its data in its {@code postgres} folder */
@ConfigurationProperties("agentry")
record EmbeddedPostgresProperties(Path home) {

    Path dataDirectory() {
        return home.resolve("postgres");
    }
}
