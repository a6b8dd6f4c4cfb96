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
class SlackSendMessageTool implements McpTool<SlackSendMessageTool.Arguments> {

    static final JsonSchema TEXT = JsonSchema.text(SlackLimits.MESSAGE_MAX_LENGTH)
            .with("minLength", 1).description("the message, in Slack's mrkdwn");

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("channel", JsonSchema.text(SlackLimits.CHANNEL_REFERENCE_MAX_LENGTH)
                    .description("a channel id (C0123ABCD) or #name"))
            .required("text", TEXT)
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("channel", JsonSchema.string().description("the channel's id"))
            .required("ts", JsonSchema.string().description("the message's timestamp, its id in the channel"))
            .build();

    record Arguments(String channel, String text) {
    }

    record Sent(String channel, String ts) {
    }

    private final OwnSlackConnection own;
    private final SlackWebApi slack;

    SlackSendMessageTool(OwnSlackConnection own, SlackWebApi slack) {
        this.own = own;
        this.slack = slack;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_send_message", "Post to a Slack channel",
                "Posts a message as your Slack bot to a channel it is in.",
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
        String subject = "channel '%s'".formatted(arguments.channel().trim());
        try {
            String channelId = slack.channelId(connected.token(), arguments.channel());
            SlackRecords.Posted posted = slack.post(connected.token(), channelId, arguments.text(), null, false);
            return new Sent(posted.channel(), posted.ts());
        } catch (SlackFailure failure) {
            throw SlackToolFailures.of(failure, subject);
        }
    }
}
