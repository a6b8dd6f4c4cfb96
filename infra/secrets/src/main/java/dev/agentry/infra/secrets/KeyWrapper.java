package dev.agentry.infra.secrets;

/** A key encryption key: generates data keys and wraps and unwraps them; it never sees a secret. */
interface KeyWrapper {

    /** The key new data keys are wrapped under. */
    String currentKeyId();

    /** Whether {@code keyId} is one of this wrapper's keys, i.e. whether it can unwrap under it. */
    boolean owns(String keyId);

    /** A fresh AES-256 data key, wrapped under the current key. */
    DataKey generate();

    /** @return the plaintext data key; the caller overwrites it after use */
    byte[] unwrap(byte[] wrapped, String keyId);

    /** Wraps an existing data key under the current key. */
    DataKey wrap(byte[] plaintext);
}
