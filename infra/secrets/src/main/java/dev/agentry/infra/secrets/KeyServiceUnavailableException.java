package dev.agentry.infra.secrets;

/** The key service (KMS) refused or could not be reached; a retry may succeed. */
public class KeyServiceUnavailableException extends RuntimeException {

    public KeyServiceUnavailableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
