package dev.agentry.infra.secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.kms.KmsClient;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code agentry.secrets.kms-key-id} set, data keys come from AWS KMS (default credentials chain); an
 * existing local master key then still unwraps what it wrapped, until {@code secrets rewrap}. Without it,
 * the local master key {@code AGENTRY_HOME/master.key} wraps them, created at first start.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    KeyRing secretKeyRing(SecretsProperties secrets, HomeFolderProperties home) {
        if (!secrets.usesKms()) {
            return new KeyRing(LocalMasterKey.openOrCreate(home.masterKeyFile()), List.of());
        }
        List<KeyWrapper> earlier = new ArrayList<>();
        if (Files.exists(home.masterKeyFile())) {
            earlier.add(LocalMasterKey.openOrCreate(home.masterKeyFile()));
        }
        return new KeyRing(new KmsKeyWrapper(kmsClient(secrets), secrets.kmsKeyId()), earlier);
    }

    @Bean
    SecretStore secretStore(JdbcClient jdbc, KeyRing secretKeyRing, PlatformTransactionManager transactions) {
        return new SecretStore(jdbc, secretKeyRing, new TransactionTemplate(transactions));
    }

    static KmsClient kmsClient(SecretsProperties secrets) {
        var builder = KmsClient.builder()
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(secrets.kmsRegion() == null || secrets.kmsRegion().isBlank()
                        ? new DefaultAwsRegionProviderChain().getRegion()
                        : Region.of(secrets.kmsRegion()));
        if (secrets.kmsEndpoint() != null) {
            builder.endpointOverride(secrets.kmsEndpoint());
        }
        return builder.build();
    }
}
