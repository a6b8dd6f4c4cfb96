package dev.agentry.infra.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code agentry.temporal.*}: where the platform finds Temporal.
 *
 * @param enabled          false leaves Temporal out entirely (no connection, no worker, no temporal-sync);
 *                         for tests that do not need it
 * @param target           {@code host:port} of a Temporal cluster or Temporal Cloud; unset runs Temporal's
 *                         in-memory service inside the platform (it forgets everything when the platform stops)
 * @param namespace        the namespace the platform works in
 * @param embeddedPort     gRPC port of the in-memory service; 0 picks a free one
 * @param apiKey           Temporal Cloud API key, sent as bearer token; implies TLS
 * @param shutdownTimeout  how long a stopping platform lets running activities finish
 * @param stickyExecution  whether a workflow's tasks go preferably to the worker that ran it last; unset:
 *                         on, except against an in-memory service in another process (which would never
 *                         hand a dead worker's tasks to another)
 */
@ConfigurationProperties("agentry.temporal")
public record TemporalProperties(
        @DefaultValue("true") boolean enabled,
        String target,
        @DefaultValue("default") String namespace,
        @DefaultValue("7233") int embeddedPort,
        @DefaultValue Tls tls,
        String apiKey,
        @DefaultValue("30s") Duration shutdownTimeout,
        Boolean stickyExecution) {

    public boolean embedded() {
        return target == null || target.isBlank();
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /**
     * @param enabled        TLS towards the target; unset: on with an API key, a client certificate or a
     *                       server CA, off otherwise
     * @param clientCertPath PEM client certificate chain for mutual TLS, with {@code clientKeyPath}
     * @param clientKeyPath  PEM PKCS#8 private key of the client certificate
     * @param serverCaPath   PEM certificate authority of the server, when it is not a public one
     * @param serverName     the name the server's certificate carries, when it differs from the target host
     */
    public record Tls(
            Boolean enabled,
            Path clientCertPath,
            Path clientKeyPath,
            Path serverCaPath,
            String serverName) {

        boolean on(boolean hasApiKey) {
            return enabled == null ? hasApiKey || mutual() || serverCaPath != null : enabled;
        }

        boolean mutual() {
            return clientCertPath != null || clientKeyPath != null;
        }
    }
}
