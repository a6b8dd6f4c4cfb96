package dev.agentry.infra.temporal.tools.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.agentry.infra.slack.BotToken;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Acts in Slack as the bot of the agent's owner's connection, never anyone else's. What Slack refuses
 * becomes an error the model reads; a rate limit or an unreachable Slack is thrown, for Temporal to retry.
 */
@Component
class OwnersSlack {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final SlackConnections connections;

    OwnersSlack(SlackConnections connections) {
        this.connections = connections;
    }

    /**
     * @param subject what the call is about, for error messages, e.g. {@code channel '#general'}
     * @param action  the call, answering a record that is given to the model as JSON
     */
    ToolOutcome act(ToolContext context, String subject, Function<BotToken, Object> action) {
        try {
            return connections.connectedAs(context.ownerId())
                    .map(connected -> ToolOutcome.success(json(action.apply(connected.token()))))
                    .orElseGet(() -> ToolOutcome.error(
                            "the agent's owner has not connected Slack, so no Slack tool works; they can do so with slack_connect"));
        } catch (SlackFailure failure) {
            return switch (failure.kind()) {
                case RATE_LIMITED, UNAVAILABLE -> throw failure;
                case REFUSED_TOKEN -> ToolOutcome.error("Slack refused the owner's bot token (%s); the owner must connect Slack again"
                        .formatted(failure.slackError()));
                case NOT_FOUND -> ToolOutcome.error("%s not found in Slack (%s)".formatted(subject, failure.slackError()));
                case NOT_IN_CHANNEL -> ToolOutcome.error(
                        "the bot is not in %s (not_in_channel); someone must invite it there first".formatted(subject));
                case TOO_LONG -> ToolOutcome.error("Slack refused the text as too long (msg_too_long)");
                case REJECTED -> ToolOutcome.error("Slack refused it (%s)".formatted(failure.slackError()));
            };
        }
    }

    /** The key a message sent for one tool call carries, so that a retried call finds it instead of posting again. */
    static String deliveryKey(ToolContext context) {
        return context.toolCallId() == null ? null : context.runId() + "/" + context.toolCallId();
    }

    private static String json(Object answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Slack answer did not serialise", e);
        }
    }
}
