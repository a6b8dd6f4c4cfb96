package dev.agentry.infra.secrets;

import java.util.List;

/**
 * The current key encryption key, which wraps every new data key, and the earlier ones still at hand,
 * which only unwrap (e.g. the local master key after switching to KMS, until {@code secrets rewrap}).
 */
final class KeyRing {

    private final KeyWrapper current;
    private final List<KeyWrapper> earlier;

    KeyRing(KeyWrapper current, List<KeyWrapper> earlier) {
        this.current = current;
        this.earlier = List.copyOf(earlier);
    }

    KeyWrapper current() {
        return current;
    }

    boolean isCurrent(String keyId) {
        return current.currentKeyId().equals(keyId);
    }

    byte[] unwrap(byte[] wrapped, String keyId) {
        if (current.owns(keyId)) {
            return current.unwrap(wrapped, keyId);
        }
        return earlier.stream().filter(wrapper -> wrapper.owns(keyId)).findFirst()
                .orElseThrow(() -> new SecretUnreadableException(
                        "no key at hand unwraps data keys of '%s' (current key: '%s')"
                                .formatted(keyId, current.currentKeyId())))
                .unwrap(wrapped, keyId);
    }
}
