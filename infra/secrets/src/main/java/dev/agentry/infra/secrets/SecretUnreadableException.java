package dev.agentry.infra.secrets;

/** A stored secret cannot be decrypted: its wrapping key is gone or its bytes were altered. Never carries the secret. */
public class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message) {
        super(message);
    }

    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
