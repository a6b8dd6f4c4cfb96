package dev.agentry.workflows.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A failed call to a model, classified so the caller can decide whether and when to retry. */
public class LlmCallFailure extends Exception {

    private final LlmFailureKind kind;
    private final Duration retryAfter;

    public LlmCallFailure(LlmFailureKind kind, String message, Duration retryAfter, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public LlmCallFailure(LlmFailureKind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public LlmCallFailure(LlmFailureKind kind, String message) {
        this(kind, message, null, null);
    }

    public LlmFailureKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** How long the server asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
