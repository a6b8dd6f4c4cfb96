package dev.agentry.infra.secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Secrets under envelope encryption, in the {@code secrets} table: each secret is encrypted with a fresh
 * AES-256-GCM data key, and only that key wrapped by the key ring's current key is stored beside it.
 * Everything else (events, logs, answers) refers to a secret by its id.
 */
public class SecretStore {

    private final JdbcClient jdbc;
    private final KeyRing keys;
    private final TransactionTemplate transactions;

    SecretStore(JdbcClient jdbc, KeyRing keys, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.transactions = transactions;
    }

    /** @return the id the secret is known by from now on */
    public String store(String plaintext) {
        String secretId = "sec-" + UUID.randomUUID();
        byte[] secret = plaintext.getBytes(StandardCharsets.UTF_8);
        try (DataKey dataKey = keys.current().generate()) {
            byte[] ciphertext = AesGcm.encrypt(dataKey.plaintext(), secret, associatedData(secretId));
            jdbc.sql("""
                            INSERT INTO secrets (secret_id, ciphertext, wrapped_key, key_id, created_at, wrapped_at)
                            VALUES (:id, :ciphertext, :wrapped, :keyId, now(), now())""")
                    .param("id", secretId).param("ciphertext", ciphertext)
                    .param("wrapped", dataKey.wrapped()).param("keyId", dataKey.keyId())
                    .update();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return secretId;
    }

    /** The plaintext of a stored secret; empty when there is no such secret (e.g. it was deleted). */
    public Optional<String> reveal(String secretId) {
        return row(secretId).map(row -> {
            byte[] dataKey = keys.unwrap(row.wrappedKey(), row.keyId());
            try {
                return new String(AesGcm.decrypt(dataKey, row.ciphertext(), associatedData(secretId)),
                        StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        });
    }

    /** Deleting a deleted secret changes nothing. */
    public void delete(String secretId) {
        jdbc.sql("DELETE FROM secrets WHERE secret_id = :id").param("id", secretId).update();
    }

    /** The key a secret's data key is wrapped under, e.g. to show what a rotation changed. */
    public Optional<String> keyIdOf(String secretId) {
        return row(secretId).map(StoredSecret::keyId);
    }

    /**
     * Re-wraps every data key not yet under the current key. Only data keys are unwrapped, in memory, and
     * overwritten after use; no secret is decrypted and no plaintext is written anywhere. A data key no key
     * at hand unwraps is left as it is and reported.
     */
    public RewrapReport rewrapAll() {
        List<String> stale = jdbc.sql("SELECT secret_id FROM secrets WHERE key_id <> :current ORDER BY secret_id")
                .param("current", keys.current().currentKeyId())
                .query(String.class).list();
        int rewrapped = 0;
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (String secretId : stale) {
            try {
                Boolean changed = transactions.execute(status -> rewrap(secretId));
                rewrapped += Boolean.TRUE.equals(changed) ? 1 : 0;
            } catch (SecretUnreadableException e) {
                unreadable.put(secretId, e.getMessage());
            }
        }
        return new RewrapReport(keys.current().currentKeyId(), rewrapped, unreadable);
    }

    /**
     * @param keyId      the key every re-wrapped data key is now under
     * @param unreadable the secrets whose data key no key at hand unwraps, with the reason
     */
    public record RewrapReport(String keyId, int rewrapped, Map<String, String> unreadable) {
    }

    private boolean rewrap(String secretId) {
        Optional<StoredSecret> locked = jdbc.sql(
                        "SELECT ciphertext, wrapped_key, key_id FROM secrets WHERE secret_id = :id FOR UPDATE")
                .param("id", secretId).query(StoredSecret.class).optional();
        if (locked.isEmpty() || keys.isCurrent(locked.get().keyId())) {
            return false; // deleted or re-wrapped meanwhile
        }
        StoredSecret row = locked.get();
        try (DataKey rewrapped = keys.current().wrap(keys.unwrap(row.wrappedKey(), row.keyId()))) {
            jdbc.sql("UPDATE secrets SET wrapped_key = :wrapped, key_id = :keyId, wrapped_at = now() WHERE secret_id = :id")
                    .param("wrapped", rewrapped.wrapped()).param("keyId", rewrapped.keyId()).param("id", secretId)
                    .update();
        }
        return true;
    }

    private Optional<StoredSecret> row(String secretId) {
        return jdbc.sql("SELECT ciphertext, wrapped_key, key_id FROM secrets WHERE secret_id = :id")
                .param("id", secretId).query(StoredSecret.class).optional();
    }

    private static byte[] associatedData(String secretId) {
        return secretId.getBytes(StandardCharsets.UTF_8);
    }

    record StoredSecret(byte[] ciphertext, byte[] wrappedKey, String keyId) {
    }
}
