package dev.agentry.ops;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.secrets.SecretStore;
import dev.agentry.infra.secrets.testing.LocalKmsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code agentry secrets rewrap}: moving every data key from the local master key to a KMS key. */
class SecretsCommandTest {

    private static final String TOKEN = "xoxb-rewrap-me-5555";

    @TempDir
    Path home;

    private LocalKmsServer kms;


    @BeforeEach
    void startKms() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDREWRAPTEST");
        System.setProperty("aws.secretAccessKey", "local-kms-secret-key");
        kms = LocalKmsServer.start();
    }

    @AfterEach
    void stopKms() {
        kms.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void rewrapMovesEveryDataKeyUnderTheNewKeyAndThePlatformStillReadsEverySecret() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            String secretId;
            try (RunningPlatform embedded = RunningPlatform.start(database, home)) {
                secretId = embedded.bean(SecretStore.class).store(TOKEN);
                assertThat(embedded.bean(SecretStore.class).keyIdOf(secretId)).hasValueSatisfying(keyId ->
                        assertThat(keyId).startsWith("local:"));
            }
            String keyArn = kms.createKey();
            String[] kmsSettings = {"--agentry.secrets.kms-key-id=" + keyArn,
                    "--agentry.secrets.kms-endpoint=" + kms.endpoint(), "--agentry.secrets.kms-region=eu-west-1"};

            CommandLineRun rewrap = agentry("secrets", "rewrap", "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + PostgresTestDatabase.USER, "--agentry.home=" + home,
                    "--agentry.admin-token=agt_rewrap_test_admin_token", kmsSettings[0], kmsSettings[1], kmsSettings[2]);

            assertThat(rewrap.exitCode()).as(rewrap.err()).isZero();
            assertThat(rewrap.out()).contains("Re-wrapped 1 data keys under " + keyArn);
            assertThat(kms.requests()).extracting(LocalKmsServer.Request::target).containsExactly("TrentService.Encrypt");
            try (RunningPlatform withKms = RunningPlatform.start(database, home.resolve("elsewhere"),
                    "agentry.secrets.kms-key-id=" + keyArn, "agentry.secrets.kms-endpoint=" + kms.endpoint(),
                    "agentry.secrets.kms-region=eu-west-1")) {
                SecretStore secrets = withKms.bean(SecretStore.class);
                assertThat(secrets.keyIdOf(secretId)).contains(keyArn);
                // without the old master key at hand: KMS alone opens it now
                assertThat(secrets.reveal(secretId)).contains(TOKEN);
            }
            assertThat(rewrap.out() + rewrap.err()).doesNotContain(TOKEN);
        }
    }

    private static CommandLineRun agentry(String... arguments) {
        return CommandLineRun.of(arguments);
    }
}
