package dev.agentry.infra.mcp;

/**
 * A tool call that cannot succeed, with a message written for the person who made it. Tools throw
 * it; the server turns it into an error result, so the message must never reveal internals.
 */
public class ToolFailure extends RuntimeException {

    private final ToolErrorCode code;

    public ToolFailure(ToolErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static ToolFailure invalidArgument(String message) {
        return new ToolFailure(ToolErrorCode.INVALID_ARGUMENT, message);
    }

    public static ToolFailure notFound(String message) {
        return new ToolFailure(ToolErrorCode.NOT_FOUND, message);
    }

    public static ToolFailure permissionDenied(String message) {
        return new ToolFailure(ToolErrorCode.PERMISSION_DENIED, message);
    }

    public static ToolFailure failedPrecondition(String message) {
        return new ToolFailure(ToolErrorCode.FAILED_PRECONDITION, message);
    }

    public static ToolFailure unavailable(String message) {
        return new ToolFailure(ToolErrorCode.UNAVAILABLE, message);
    }

    public ToolErrorCode code() {
        return code;
    }

    /** The text of the error result, e.g. {@code not_found: agent 'x' not found}. */
    public String resultText() {
        return code.wireName() + ": " + getMessage();
    }
}
