package dev.agentry.infra.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where data keys are wrapped.
 *
 * @param kmsKeyId    an AWS KMS key (id, ARN or alias); unset: the local master key {@code AGENTRY_HOME/master.key}
 * @param kmsEndpoint KMS's endpoint; unset: the region's own
 * @param kmsRegion   the region of the key; unset: the AWS default region chain
 */
@ConfigurationProperties("agentry.secrets")
record SecretsProperties(String kmsKeyId, URI kmsEndpoint, String kmsRegion) {

    boolean usesKms() {
        return kmsKeyId != null && !kmsKeyId.isBlank();
    }
}
