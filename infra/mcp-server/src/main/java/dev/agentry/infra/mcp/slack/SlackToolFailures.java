package dev.agentry.infra.mcp.slack;

import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.slack.SlackFailure;

/** What Slack refused, as the public error codes say it. */
final class SlackToolFailures {

    static final String CONNECT_FIRST = "connect Slack first with slack_connect";

    private SlackToolFailures() {
    }

    /** @param subject what was asked for, e.g. {@code channel '#general'} */
    static ToolFailure of(SlackFailure failure, String subject) {
        return switch (failure.kind()) {
            case REFUSED_TOKEN -> ToolFailure.failedPrecondition(
                    "Slack refused the connection's token (%s); connect again with slack_connect".formatted(failure.slackError()));
            case NOT_FOUND -> ToolFailure.notFound(subject + " not found in Slack");
            case NOT_IN_CHANNEL -> ToolFailure.failedPrecondition(
                    "the bot is not in %s; invite it there first (/invite @your-bot)".formatted(subject));
            case TOO_LONG -> ToolFailure.invalidArgument("Slack refused the text as too long (msg_too_long)");
            case RATE_LIMITED -> ToolFailure.unavailable(
                    "Slack is rate limiting this workspace; retry in %d s".formatted(failure.retryAfter().toSeconds()));
            case UNAVAILABLE -> ToolFailure.unavailable("Slack could not be reached; retry later");
            case REJECTED -> ToolFailure.failedPrecondition("Slack refused it (%s)".formatted(failure.slackError()));
        };
    }
}
