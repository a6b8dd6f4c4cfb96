package dev.agentry.infra.mcp.slack;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.infra.slack.SlackRecords;
import dev.agentry.infra.slack.SlackWebApi;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class SlackListChannelsTool implements McpTool<SlackListChannelsTool.Arguments> {

    private static final JsonSchema INPUT_SCHEMA = PageArguments.properties().build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("channels", JsonSchema.arrayOf(JsonSchema.object()
                    .required("id", JsonSchema.string())
                    .required("name", JsonSchema.string())
                    .required("is_private", JsonSchema.bool())
                    .required("is_member", JsonSchema.bool().description("whether the bot is in it, i.e. can post there"))
                    .build()))
            .required("next_cursor", JsonSchema.string().nullable().description("null on the last page"))
            .build();

    record Arguments(Integer limit, String cursor) {
    }

    record ChannelAnswer(String id, String name, boolean isPrivate, boolean isMember) {
    }

    record Channels(List<ChannelAnswer> channels, String nextCursor) {
    }

    private final OwnSlackConnection own;
    private final SlackWebApi slack;

    SlackListChannelsTool(OwnSlackConnection own, SlackWebApi slack) {
        this.own = own;
        this.slack = slack;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_list_channels", "List Slack channels",
                "The public and private channels your Slack bot can see, a page at a time.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_OUTSIDE);
    }

    @Override
    public Arguments bind(ToolArguments arguments) {
        return arguments.as(Arguments.class);
    }

    @Override
    public Channels execute(Caller caller, Arguments arguments) {
        SlackConnections.Connected connected = own.of(caller);
        try {
            SlackRecords.Page<SlackRecords.Channel> page =
                    slack.channels(connected.token(), PageArguments.limitOr(arguments.limit()), arguments.cursor());
            return new Channels(page.items().stream()
                    .map(channel -> new ChannelAnswer(channel.id(), channel.name(), channel.isPrivate(), channel.isMember()))
                    .toList(), page.nextCursor());
        } catch (SlackFailure failure) {
            throw SlackToolFailures.of(failure, "the channel list");
        }
    }
}
