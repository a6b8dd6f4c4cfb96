package dev.agentry.infra.mcp;

import java.util.Locale;

/** The public error codes of the MCP tools; a failed call's text starts with {@code <code>: }. */
public enum ToolErrorCode {
    INVALID_ARGUMENT,
    NOT_FOUND,
    PERMISSION_DENIED,
    FAILED_PRECONDITION,
    /** a dependency is down or too slow; the caller may retry later */
    UNAVAILABLE,
    /** an unexpected fault; the text carries only an id that the log also shows */
    INTERNAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
