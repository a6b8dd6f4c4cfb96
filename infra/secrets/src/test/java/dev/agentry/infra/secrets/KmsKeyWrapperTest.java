package dev.agentry.infra.secrets;

import dev.agentry.infra.secrets.testing.LocalKmsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data keys through the AWS SDK's KMS client, against a local server speaking KMS's JSON 1.1 protocol. */
class KmsKeyWrapperTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLELOCALKMS";
    private static LocalKmsServer kms;
    private static String keyArn;
    private static KmsKeyWrapper wrapper;

    @BeforeAll
    static void startKms() throws Exception {
        // the default credentials chain reads these system properties first
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", "local-kms-secret-key");
        kms = LocalKmsServer.start();
        keyArn = kms.createKey();
        wrapper = new KmsKeyWrapper(SecretsConfiguration.kmsClient(
                new SecretsProperties(keyArn, kms.endpoint(), "eu-west-1")), keyArn);
    }

    @AfterAll
    static void stopKms() {
        wrapper.close();
        kms.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aGeneratedDataKeyIsA256BitKeyThatKmsUnwrapsAgain() {
        DataKey generated = wrapper.generate();

        assertThat(generated.plaintext()).hasSize(32);
        assertThat(generated.keyId()).isEqualTo(keyArn);
        assertThat(generated.wrapped()).isNotEqualTo(generated.plaintext());
        assertThat(wrapper.unwrap(generated.wrapped(), generated.keyId())).isEqualTo(generated.plaintext());
    }

    @Test
    void everyCallIsASigV4SignedJson11RequestToTrentService() {
        int before = kms.requests().size();
        DataKey generated = wrapper.generate();
        wrapper.unwrap(generated.wrapped(), generated.keyId());

        List<LocalKmsServer.Request> calls = kms.requests().subList(before, kms.requests().size());
        assertThat(calls).extracting(LocalKmsServer.Request::target)
                .containsExactly("TrentService.GenerateDataKey", "TrentService.Decrypt");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(call.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                    .contains("/eu-west-1/kms/aws4_request")
                    .contains("SignedHeaders=").contains("x-amz-target")
                    .containsPattern("Signature=[0-9a-f]{64}");
        });
        assertThat(calls.get(0).body().path("KeyId").asText()).isEqualTo(keyArn);
        assertThat(calls.get(0).body().path("KeySpec").asText()).isEqualTo("AES_256");
        assertThat(Base64.getDecoder().decode(calls.get(1).body().path("CiphertextBlob").asText()))
                .isEqualTo(generated.wrapped());
    }

    @Test
    void anExistingDataKeyIsWrappedUnderTheCurrentKeyWithEncrypt() {
        String otherArn = kms.createKey();
        DataKey underOther = new KmsKeyWrapper(SecretsConfiguration.kmsClient(
                new SecretsProperties(otherArn, kms.endpoint(), "eu-west-1")), otherArn).generate();

        DataKey rewrapped = wrapper.wrap(wrapper.unwrap(underOther.wrapped(), underOther.keyId()));

        assertThat(kms.requests().get(kms.requests().size() - 1).target()).isEqualTo("TrentService.Encrypt");
        assertThat(rewrapped.keyId()).isEqualTo(keyArn);
        assertThat(wrapper.unwrap(rewrapped.wrapped(), keyArn)).isEqualTo(underOther.plaintext());
    }

    @Test
    void aKeyKmsDoesNotKnowIsReportedAsTheKeyServiceRefusing() {
        KmsKeyWrapper unknown = new KmsKeyWrapper(SecretsConfiguration.kmsClient(
                new SecretsProperties("no-such-key", kms.endpoint(), "eu-west-1")), "no-such-key");

        assertThatThrownBy(unknown::generate)
                .isInstanceOf(KeyServiceUnavailableException.class)
                .hasMessageContaining("no-such-key")
                .hasMessageContaining("does not exist");
    }
}
