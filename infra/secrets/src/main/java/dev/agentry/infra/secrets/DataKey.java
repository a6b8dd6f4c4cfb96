package dev.agentry.infra.secrets;

import java.util.Arrays;

/**
 * A data key in both forms: the plaintext that encrypts one secret, and the same key wrapped by a key
 * encryption key, which is all that is ever stored.
 *
 * @param keyId the key encryption key that wrapped it, as its wrapper names it
 */
record DataKey(byte[] plaintext, byte[] wrapped, String keyId) implements AutoCloseable {

    /** Overwrites the plaintext, so that it lingers in memory no longer than needed. */
    @Override
    public void close() {
        Arrays.fill(plaintext, (byte) 0);
    }
}
