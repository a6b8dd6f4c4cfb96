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
    /** The provider rejected the request itself (bad tool schema, ...). */
    INVALID_REQUEST(false),
    /** The provider does not know the model id, or has retired it. */
    MODEL_NOT_FOUND(false),
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

    /**
     * Whether another model of the same tier may answer what this one could not: the provider failed, is
     * overloaded, refused the credentials or no longer has the model, none of which says anything about the
     * request itself.
     */
    public boolean movesToAnotherModel() {
        return switch (this) {
            case RATE_LIMITED, OVERLOADED, TIMEOUT, AUTHENTICATION, PROVIDER_UNAVAILABLE, MODEL_NOT_FOUND -> true;
            case MALFORMED_RESPONSE, CONTEXT_TOO_LONG, INVALID_REQUEST -> false;
        };
    }

    /** Whether the failure is the provider's as a whole rather than one model's: its other models would fail too. */
    public boolean isProviderWide() {
        return movesToAnotherModel() && this != MODEL_NOT_FOUND;
    }
}
