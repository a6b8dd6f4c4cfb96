package dev.agentry.workflows.llm;

/** Why a call to a model failed, in terms the run loop can act on. */
public enum LlmFailureKind {
    /** Too many requests; wait (for the server's retry-after when given) and try again. */
    RATE_LIMITED(true),
    /** The provider failed or is overloaded (HTTP 5xx, Anthropic 529). */
    OVERLOADED(true),
    /** No answer within the configured time. */
    TIMEOUT(true),
    /** The answer could not be read; a retry may well get a whole one. */
    MALFORMED_RESPONSE(true),
    /** The conversation no longer fits the model's context window. */
    CONTEXT_TOO_LONG(false),
    /** The provider rejected the request itself (unknown model, bad tool schema, ...). */
    INVALID_REQUEST(false),
    /** The credentials were refused (HTTP 401 or 403). */
    AUTHENTICATION(false),
    /** No configured provider of that name has credentials. */
    PROVIDER_UNAVAILABLE(false);

    private final boolean retryable;

    LlmFailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
