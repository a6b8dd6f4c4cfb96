package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.infra.slack.SlackRecords;
import dev.agentry.infra.slack.SlackWebApi;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

@Component
class SlackSendDmTool implements McpTool<SlackSendDmTool.Arguments> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("user", JsonSchema.text(SlackLimits.USER_REFERENCE_MAX_LENGTH)
                    .description("a Slack user id (U0123ABCD), e-mail address or name"))
            .required("text", SlackSendMessageTool.TEXT)
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("user", JsonSchema.string().description("the user's id"))
            .required("channel", JsonSchema.string().description("the direct-message channel's id"))
            .required("ts", JsonSchema.string().description("the message's timestamp, its id in the channel"))
            .build();

    record Arguments(String user, String text) {
    }

    record Sent(String user, String channel, String ts) {
    }

    private final OwnSlackConnection own;
    private final SlackWebApi slack;

    SlackSendDmTool(OwnSlackConnection own, SlackWebApi slack) {
        this.own = own;
        this.slack = slack;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_send_dm", "Send a Slack direct message",
                "Sends a direct message as your Slack bot to one user, found by id, e-mail or name.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.SENDS_OUTSIDE);
    }

    @Override
    public Arguments bind(ToolArguments arguments) {
        Arguments bound = arguments.as(Arguments.class);
        if (bound.text().isBlank()) {
            throw ToolFailure.invalidArgument("text must not be blank");
        }
        return bound;
    }

    @Override
    public Sent execute(Caller caller, Arguments arguments) {
        SlackConnections.Connected connected = own.of(caller);
        String subject = "user '%s'".formatted(arguments.user().trim());
        try {
            String userId = slack.findUser(connected.token(), arguments.user()).id();
            SlackRecords.DirectMessage sent = slack.sendDirect(connected.token(), userId, arguments.text(), null, false);
            return new Sent(sent.user(), sent.channel(), sent.ts());
        } catch (SlackFailure failure) {
            throw SlackToolFailures.of(failure, subject);
        }
    }
}
