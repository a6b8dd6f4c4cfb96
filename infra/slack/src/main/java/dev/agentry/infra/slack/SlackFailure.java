package dev.agentry.infra.slack;

import java.time.Duration;

/**
 * What Slack refused, classified for the tools; {@link #slackError()} is Slack's own error code, e.g.
 * {@code channel_not_found}. Its message never contains a token.
 */
public class SlackFailure extends RuntimeException {

    public enum Kind {
        /** invalid_auth, account_inactive, token_revoked, ...: the token is no good. */
        REFUSED_TOKEN,
        /** the channel or user does not exist, or the bot cannot see it. */
        NOT_FOUND,
        /** the bot is not a member of the channel. */
        NOT_IN_CHANNEL,
        /** the text is longer than Slack accepts. */
        TOO_LONG,
        /** Slack answered 429 for longer than a call waits. */
        RATE_LIMITED,
        /** Slack could not be reached or answered something unreadable; a retry may succeed. */
        UNAVAILABLE,
        /** any other {@code ok:false}. */
        REJECTED
    }

    private final Kind kind;
    private final String slackError;
    private final Duration retryAfter;

    SlackFailure(Kind kind, String slackError, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.slackError = slackError;
        this.retryAfter = retryAfter;
    }

    static SlackFailure of(String slackError, String method) {
        Kind kind = switch (slackError == null ? "" : slackError) {
            case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
                 "no_permission", "team_access_not_granted" -> Kind.REFUSED_TOKEN;
            case "channel_not_found", "user_not_found", "users_not_found" -> Kind.NOT_FOUND;
            case "not_in_channel" -> Kind.NOT_IN_CHANNEL;
            case "msg_too_long" -> Kind.TOO_LONG;
            case "ratelimited" -> Kind.RATE_LIMITED;
            default -> Kind.REJECTED;
        };
        return new SlackFailure(kind, slackError, "Slack refused %s (%s)".formatted(method, slackError), null);
    }

    public Kind kind() {
        return kind;
    }

    public String slackError() {
        return slackError;
    }

    /** For {@link Kind#RATE_LIMITED}: how long Slack asked to wait; else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
