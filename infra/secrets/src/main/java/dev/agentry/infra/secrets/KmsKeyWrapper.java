package dev.agentry.infra.secrets;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Data keys from AWS KMS: {@code GenerateDataKey} under the configured key, {@code Decrypt} to unwrap and
 * {@code Encrypt} to re-wrap an existing data key under the current key. KMS records the key inside the
 * wrapped blob, so it can unwrap under any of its keys the credentials may use.
 */
final class KmsKeyWrapper implements KeyWrapper, AutoCloseable {

    private final KmsClient kms;
    private final String keyId;

    KmsKeyWrapper(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String currentKeyId() {
        return keyId;
    }

    @Override
    public boolean owns(String keyId) {
        return !keyId.startsWith(LocalMasterKey.KEY_ID_PREFIX);
    }

    @Override
    public DataKey generate() {
        try {
            GenerateDataKeyResponse generated = kms.generateDataKey(request -> request
                    .keyId(keyId).keySpec(DataKeySpec.AES_256));
            return new DataKey(generated.plaintext().asByteArray(), generated.ciphertextBlob().asByteArray(),
                    generated.keyId());
        } catch (SdkException e) {
            throw new KeyServiceUnavailableException("KMS did not generate a data key under '%s'".formatted(keyId), e);
        }
    }

    @Override
    public DataKey wrap(byte[] plaintext) {
        try {
            EncryptResponse encrypted = kms.encrypt(request -> request
                    .keyId(keyId).plaintext(SdkBytes.fromByteArrayUnsafe(plaintext)));
            return new DataKey(plaintext, encrypted.ciphertextBlob().asByteArray(), encrypted.keyId());
        } catch (SdkException e) {
            throw new KeyServiceUnavailableException("KMS did not wrap a data key under '%s'".formatted(keyId), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyId) {
        try {
            DecryptResponse decrypted = kms.decrypt(request -> request
                    .keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)));
            return decrypted.plaintext().asByteArray();
        } catch (SdkException e) {
            throw new KeyServiceUnavailableException("KMS did not unwrap a data key of '%s'".formatted(keyId), e);
        }
    }

    @Override
    public void close() {
        kms.close();
    }
}
