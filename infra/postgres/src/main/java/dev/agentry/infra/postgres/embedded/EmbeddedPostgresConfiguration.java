package dev.agentry.infra.postgres.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: without {@code spring.datasource.url} the platform runs its own PostgreSQL
 * (real binaries) with its data under {@code AGENTRY_HOME/postgres}, kept across restarts. It listens
 * on the loopback address only, and takes over a folder that a killed platform's server still holds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory();
        try {
            Files.createDirectories(dataDirectory);
            PreviousPostmaster.stopOrphanOn(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", LOOPBACK)
                    // the context stops it after everything that uses it; a hook of its own would stop it first
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return postgres;
        } catch (PreviousPostmaster.DataFolderInUseException e) {
            throw e;
        } catch (IOException | IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new PreviousPostmaster.DataFolderInUseException("The embedded PostgreSQL data folder " + dataDirectory
                        + " is in use by another running Agentry platform: stop that platform, or give this one another"
                        + " AGENTRY_HOME (to use the running platform from a stdio client, run 'agentry mcp-stdio')");
            }
            throw new EmbeddedPostgresUnavailableException(dataDirectory, e);
        }
    }

    /** The pool's settings are the platform's ({@code spring.datasource.hikari}), as for a PostgreSQL server. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/postgres");
        dataSource.setUsername("postgres");
        return dataSource;
    }

    static class EmbeddedPostgresUnavailableException extends IllegalStateException {
        EmbeddedPostgresUnavailableException(Path dataDirectory, Exception cause) {
            super("The embedded PostgreSQL could not start (data in " + dataDirectory + "): " + cause.getMessage()
                    + ". Run Agentry as a non-root user, or point it at a PostgreSQL server with"
                    + " --spring.datasource.url=jdbc:postgresql://HOST:5432/DB", cause);
        }
    }
}
